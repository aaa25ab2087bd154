package org.vitrine.search.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchRequest;
import org.vitrine.api.search.SearchSource;
import org.vitrine.api.search.SearchStatus;

/** The index's life: built at first start, kept while the database did not change, rebuilt when it did. */
class LuceneSearchIndexTest {

    /** The catalog held in memory, as the database store would give it. */
    static final class CatalogInMemory implements SearchSource {
        final Map<Long, SearchDocument> shown = new TreeMap<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean down;

        private void answering() {
            if (down) {
                throw new IllegalStateException("the database is unavailable");
            }
        }

        synchronized void show(long id, String name) {
            shown.put(id, new SearchDocument(id, name, null, "onshape", "MIT", List.of(), List.of(), List.of(), List.of()));
        }

        @Override
        public synchronized String fingerprint() {
            answering();
            return shown.keySet() + "/" + shown.values().stream().map(SearchDocument::name).toList();
        }

        @Override
        public synchronized long publicCount() {
            answering();
            return shown.size();
        }

        @Override
        public synchronized List<SearchDocument> publicDocuments(long afterId, int limit) {
            reads.incrementAndGet();
            return shown.values().stream().filter(d -> d.id() > afterId).limit(limit).toList();
        }

        @Override
        public synchronized List<SearchDocument> documents(Collection<Long> ids) {
            return ids.stream().map(shown::get).filter(d -> d != null).toList();
        }
    }

    @TempDir
    Path data;

    private static SearchStatus ready(LuceneSearchIndex index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (index.status().state() != SearchStatus.State.READY && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return index.status();
    }

    private static List<Long> ids(LuceneSearchIndex index, String text) {
        return index.search(new SearchRequest(text, null, null, null, null, 0, 24, 1000)).orElseThrow().ids();
    }

    @Test
    void a_missing_index_is_built_then_kept_across_starts_until_the_database_changes() throws Exception {
        CatalogInMemory catalog = new CatalogInMemory();
        for (long id = 1; id <= 2_500; id++) {
            catalog.show(id, "Part " + id);
        }
        catalog.show(3_000, "Gearbox");
        Path folder = data.resolve("index");
        LuceneSearchIndex first = new LuceneSearchIndex(folder, catalog);
        assertEquals(SearchStatus.State.READY, ready(first).state());
        assertEquals(2_501, first.status().indexed());
        assertEquals(List.of(3_000L), ids(first, "gear"));
        first.close();

        int readsBefore = catalog.reads.get();
        LuceneSearchIndex second = new LuceneSearchIndex(folder, catalog);
        assertEquals(SearchStatus.State.READY, ready(second).state());
        assertEquals(readsBefore, catalog.reads.get(), "an index as current as the database is not rebuilt");
        second.close();

        catalog.show(3_001, "Bearing block");
        LuceneSearchIndex third = new LuceneSearchIndex(folder, catalog);
        assertEquals(SearchStatus.State.READY, ready(third).state());
        assertTrue(catalog.reads.get() > readsBefore, "a database that changed behind the index's back rebuilds it");
        assertEquals(List.of(3_001L), ids(third, "bear"));
        third.close();
    }

    @Test
    void live_changes_are_searchable_at_once_and_an_asked_rebuild_keeps_them() throws Exception {
        CatalogInMemory catalog = new CatalogInMemory();
        catalog.show(1, "Hinge");
        LuceneSearchIndex index = new LuceneSearchIndex(data.resolve("index"), catalog);
        ready(index);
        catalog.show(2, "Hinge pin");
        index.put(catalog.documents(List.of(2L)));
        assertEquals(2, ids(index, "hinge").size());
        index.remove(List.of(1L));
        assertEquals(List.of(2L), ids(index, "hinge"));

        assertTrue(index.rebuild());
        ready(index);
        assertEquals(List.of(1L, 2L), ids(index, "hinge"), "the rebuild reads the catalog as it is (the shorter name first)");
        index.close();
    }

    @Test
    void a_database_still_starting_is_asked_again_until_it_answers() throws Exception {
        CatalogInMemory catalog = new CatalogInMemory();
        catalog.show(1, "Sprocket");
        catalog.down = true;
        LuceneSearchIndex index = new LuceneSearchIndex(data.resolve("index"), catalog);
        Thread.sleep(300);
        assertEquals(SearchStatus.State.UNAVAILABLE, index.status().state());
        assertTrue(index.search(new SearchRequest("sprocket", null, null, null, null, 0, 24, 1000)).isEmpty(),
                "no answer: the catalog asks the database");
        catalog.down = false;
        assertEquals(SearchStatus.State.READY, ready(index).state());
        assertEquals(List.of(1L), ids(index, "sprock"));
        index.close();
    }

    @Test
    void unreadable_index_files_are_replaced_by_a_rebuilt_index() throws Exception {
        CatalogInMemory catalog = new CatalogInMemory();
        catalog.show(1, "Flange");
        Path folder = Files.createDirectories(data.resolve("index"));
        Files.writeString(folder.resolve("segments_1"), "not an index");
        LuceneSearchIndex index = new LuceneSearchIndex(folder, catalog);
        assertEquals(SearchStatus.State.READY, ready(index).state());
        assertEquals(List.of(1L), ids(index, "flange"));
        index.close();
    }

    @Test
    void searches_are_not_answered_before_the_index_is_ready() {
        CatalogInMemory catalog = new CatalogInMemory();
        List<Long> many = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            catalog.show(id, "Part " + id);
            many.add(id);
        }
        LuceneSearchIndex index = new LuceneSearchIndex(data.resolve("index"), catalog);
        // either still rebuilding (no answer: the catalog asks the database) or ready with every document
        index.search(new SearchRequest("part", null, null, null, null, 0, 24, 100_000))
                .ifPresent(hits -> assertEquals(many.size(), hits.total()));
        index.close();
    }
}
