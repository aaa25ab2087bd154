package org.vitrine.core.search;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vitrine.api.documents.CatalogPage;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.search.SearchHits;
import org.vitrine.api.search.SearchIndex;
import org.vitrine.api.search.SearchRequest;
import org.vitrine.api.search.SearchStatus;

/**
 * Catalog searches through the search index, when a search module is on and its index is ready: the index answers
 * the ids of a page and a total counted exactly up to {@link #EXACT_TOTAL_UP_TO}, the documents come from the
 * store. Otherwise the caller asks the store's own full-text search.
 */
@Component(service = IndexedSearch.class)
public class IndexedSearch {

    /** Totals are exact up to this many hits; beyond it the catalog says "more than". */
    public static final int EXACT_TOTAL_UP_TO = 1_000;

    /** A result: a page whose total may be a lower bound. */
    public record Result(CatalogPage page, boolean totalIsLowerBound) {
    }

    private final DocumentStore documents;
    private volatile SearchIndex index;

    @Activate
    public IndexedSearch(@Reference DocumentStore documents) {
        this.documents = documents;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setIndex(SearchIndex index) {
        this.index = index;
    }

    void unsetIndex(SearchIndex index) {
        if (this.index == index) {
            this.index = null;
        }
    }

    /** The page of a text query from the index; empty when there is no index or it cannot answer now. */
    public Optional<Result> search(CatalogQuery query) {
        SearchIndex current = index;
        if (current == null || query.text() == null) {
            return Optional.empty();
        }
        SearchRequest request = new SearchRequest(query.text(), query.provider(), query.designer(), query.licence(),
                query.tag(), query.page() * query.size(), query.size(), EXACT_TOTAL_UP_TO);
        Optional<SearchHits> hits = current.search(request);
        return hits.map(h -> new Result(new CatalogPage(documents.entries(h.ids()), h.total(), query.page(), query.size()),
                h.totalIsLowerBound()));
    }

    /** What the index is doing; empty when no search module is on. */
    public Optional<SearchStatus> status() {
        return Optional.ofNullable(index).map(SearchIndex::status);
    }

    /**
     * Starts a rebuild of the index.
     *
     * @return empty when no search module is on; else whether this call started the rebuild
     */
    public Optional<Boolean> rebuild() {
        return Optional.ofNullable(index).map(SearchIndex::rebuild);
    }
}
