package org.vitrine.search.lucene.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchSource;

/**
 * Builds the index again from the database, a batch of documents at a time by ascending id. Documents that change
 * while it runs are written as they change and noted; once every batch is in, the noted ones are read again, so a
 * batch read before a change never leaves the older version in the index. The source's fingerprint, taken before
 * the first batch, is committed last: a rebuild cut short is noticed at the next start.
 */
final class IndexRebuild {

    static final int BATCH = 1_000;

    private final LuceneIndex index;
    private final SearchSource source;
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();
    private final AtomicLong indexed = new AtomicLong();
    private volatile long toIndex;

    IndexRebuild(LuceneIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
    }

    /** A document changed while the rebuild runs: it is read again at the end. */
    void touched(long id) {
        touched.add(id);
    }

    long indexed() {
        return indexed.get();
    }

    long toIndex() {
        return toIndex;
    }

    /**
     * Runs the rebuild to its end.
     *
     * @param stopping true when the index is closing: the rebuild stops between batches and commits nothing
     * @return false when it stopped early
     */
    boolean run(BooleanSupplier stopping) throws IOException {
        // taken first: a change behind the index's back while it reads makes the next start rebuild again
        String fingerprint = source.fingerprint();
        toIndex = source.publicCount();
        index.clear();
        long after = 0;
        while (true) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            List<SearchDocument> batch = source.publicDocuments(after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            index.put(batch, false);
            indexed.addAndGet(batch.size());
            after = batch.get(batch.size() - 1).id();
        }
        Set<Long> again = new HashSet<>(touched);
        List<SearchDocument> shown = source.documents(again);
        shown.forEach(d -> again.remove(d.id()));
        index.put(shown, false);
        index.remove(again);
        index.commit(touched.isEmpty() ? fingerprint : source.fingerprint());
        indexed.set(index.size());
        return true;
    }
}
