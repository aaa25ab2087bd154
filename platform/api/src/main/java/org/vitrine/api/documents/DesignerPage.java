package org.vitrine.api.documents;

import java.util.List;

/**
 * One page of designers.
 *
 * @param items the designers of the page
 * @param total how many designers match
 * @param page  the page number
 * @param size  the page size asked for
 */
public record DesignerPage(List<Designer> items, long total, int page, int size) {

    public DesignerPage {
        items = List.copyOf(items);
    }
}
