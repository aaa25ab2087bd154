package org.vitrine.api.documents;

/**
 * What a person looks for in the public catalog. Null filters match everything.
 *
 * @param text     full-text search over names, descriptions, tags and element names; results by relevance
 * @param provider only documents from this provider
 * @param designer only documents credited to this designer (Vitrine's designer id)
 * @param licence  only documents under this SPDX licence
 * @param tag      only documents with this tag
 * @param sort     order when no text is given
 * @param page     page number from 0
 * @param size     documents per page, 1 to 100
 */
public record CatalogQuery(String text, String provider, Long designer, String licence, String tag, Sort sort, int page,
                           int size) {

    /** A query without a designer filter. */
    public CatalogQuery(String text, String provider, String licence, String tag, Sort sort, int page, int size) {
        this(text, provider, null, licence, tag, sort, page, size);
    }

    /** Orders of the catalog. */
    public enum Sort {
        RECENT, NAME, UPDATED
    }
}
