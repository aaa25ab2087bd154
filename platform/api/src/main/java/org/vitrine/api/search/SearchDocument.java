package org.vitrine.api.search;

import java.util.List;

/**
 * A public document as a search index takes it in: what can be searched for, and what the catalog filters on.
 *
 * @param id            Vitrine's document id
 * @param name          the document's name (weighted first)
 * @param description   may be null
 * @param provider      where it comes from (a filter)
 * @param licence       its SPDX licence (a filter); may be null
 * @param tags          its tags (searched, and an exact filter)
 * @param elementNames  the names of its elements (parts, assemblies, drawings)
 * @param designerIds   the Vitrine ids of the designers credited on it (a filter)
 * @param designerNames the names of those designers (searched)
 */
public record SearchDocument(long id, String name, String description, String provider, String licence,
                             List<String> tags, List<String> elementNames, List<Long> designerIds,
                             List<String> designerNames) {

    public SearchDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        elementNames = elementNames == null ? List.of() : List.copyOf(elementNames);
        designerIds = designerIds == null ? List.of() : List.copyOf(designerIds);
        designerNames = designerNames == null ? List.of() : List.copyOf(designerNames);
    }
}
