package org.vitrine.api.search;

/**
 * A text search of the public catalog, with the catalog's filters. Null filters match everything.
 *
 * @param text          what a person typed (not empty); each word must match, a word also matches as the start
 *                      of a longer word
 * @param provider      only documents from this provider
 * @param designer      only documents credited to this designer (Vitrine's designer id)
 * @param licence       only documents under this SPDX licence
 * @param tag           only documents with exactly this tag
 * @param offset        how many of the best hits to skip
 * @param size          how many ids to answer at most
 * @param exactTotalUpTo the total is counted exactly up to this bound; beyond it the index may stop counting and
 *                      answer a lower bound
 */
public record SearchRequest(String text, String provider, Long designer, String licence, String tag, int offset,
                            int size, int exactTotalUpTo) {

    public SearchRequest {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a search needs text");
        }
        if (offset < 0 || size < 0 || exactTotalUpTo < 0) {
            throw new IllegalArgumentException("offset, size and exactTotalUpTo must not be negative");
        }
    }
}
