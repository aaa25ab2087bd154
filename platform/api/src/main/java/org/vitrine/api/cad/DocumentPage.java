package org.vitrine.api.cad;

import java.util.List;

/**
 * A page of a person's documents.
 *
 * @param items   the documents of this page
 * @param page    the page number, from 0
 * @param hasMore whether a next page exists
 */
public record DocumentPage(List<RemoteDocument> items, int page, boolean hasMore) {
    public DocumentPage {
        items = List.copyOf(items);
    }
}
