package org.vitrine.store.mariadb.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchIndex;

/**
 * Tells the search indexes which documents changed, once the change has committed: every store of the bundle that
 * changes what the catalog shows calls {@link #changed} beside {@code CatalogCache.changed()}. The documents are
 * read again and put in (when public) or removed (when not), so the next search already sees the change. An index
 * that fails to take a change is logged and left to notice it at its next start (its fingerprint differs); the
 * store's own change has committed and stands.
 */
@Component(service = SearchFeed.class)
public final class SearchFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFeed.class);

    private final MariaDbSearchSource source;
    private final List<SearchIndex> indexes = new CopyOnWriteArrayList<>();

    @Activate
    public SearchFeed(@Reference MariaDbSearchSource source) {
        this.source = source;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndex(SearchIndex index) {
        indexes.add(index);
    }

    void removeIndex(SearchIndex index) {
        indexes.remove(index);
    }

    /** These documents changed (imported, relicensed, taken down, restored or erased). */
    void changed(Collection<Long> ids) {
        if (indexes.isEmpty() || ids.isEmpty()) {
            return;
        }
        try {
            List<SearchDocument> shown = source.documents(ids);
            Set<Long> gone = new HashSet<>(ids);
            shown.forEach(d -> gone.remove(d.id()));
            for (SearchIndex index : indexes) {
                if (!shown.isEmpty()) {
                    index.put(shown);
                }
                if (!gone.isEmpty()) {
                    index.remove(gone);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The search index could not take the change of documents {}; it is rebuilt at its next start", ids, e);
        }
    }
}
