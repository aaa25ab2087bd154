package org.vitrine.api.search;

import java.util.List;

/**
 * The answer of a search: a page of document ids, best first, and how many documents match.
 *
 * @param ids               the page's document ids, best first
 * @param total             how many documents match; when {@code totalIsLowerBound}, at least this many
 * @param totalIsLowerBound true when counting stopped at the request's bound
 */
public record SearchHits(List<Long> ids, long total, boolean totalIsLowerBound) {

    public SearchHits {
        ids = List.copyOf(ids);
    }
}
