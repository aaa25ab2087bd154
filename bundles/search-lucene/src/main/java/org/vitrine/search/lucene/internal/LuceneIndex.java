package org.vitrine.search.lucene.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchHits;
import org.vitrine.api.search.SearchRequest;

/**
 * One Lucene index of public documents: written through one {@link IndexWriter}, searched through near-real-time
 * readers, so a change is visible to the next search without a commit. A commit records the source's fingerprint
 * with the index, which is how the next start knows whether the index still matches the database.
 */
final class LuceneIndex implements Closeable {

    private static final String FINGERPRINT = "vitrine.fingerprint";
    /** Best first; equal scores newest document first, as the database's search orders them. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(IndexedFields.ID, SortField.Type.LONG, true));

    private final SearchAnalyzer queryAnalyzer = new SearchAnalyzer(false);
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneIndex(Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer(true))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
    }

    /** The fingerprint of the last commit; null for a new index or one whose rebuild did not finish. */
    String fingerprint() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(FINGERPRINT)) {
                    return e.getValue().isEmpty() ? null : e.getValue();
                }
            }
        }
        return null;
    }

    /** Adds or replaces documents; {@code visible} makes them visible to the next search before returning. */
    void put(Collection<SearchDocument> documents, boolean visible) throws IOException {
        for (SearchDocument d : documents) {
            writer.updateDocument(new Term(IndexedFields.KEY, Long.toString(d.id())), IndexedFields.of(d));
        }
        if (visible) {
            searchers.maybeRefreshBlocking();
        }
    }

    void remove(Collection<Long> ids) throws IOException {
        writer.deleteDocuments(ids.stream().map(id -> new Term(IndexedFields.KEY, Long.toString(id))).toArray(Term[]::new));
        searchers.maybeRefreshBlocking();
    }

    /** Empties the index and records that it matches nothing yet (a rebuild interrupted here is noticed). */
    void clear() throws IOException {
        writer.deleteAll();
        commit("");
    }

    void commit(String fingerprint) throws IOException {
        writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    long size() {
        return writer.getDocStats().numDocs;
    }

    SearchHits search(SearchRequest request) throws IOException {
        Query query = TextQuery.of(request, queryAnalyzer);
        int wanted = Math.max(1, request.offset() + request.size());
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query,
                    new TopFieldCollectorManager(ORDER, wanted, null, Math.max(request.exactTotalUpTo(), wanted)));
            StoredFields stored = searcher.storedFields();
            List<Long> ids = new ArrayList<>();
            for (int i = request.offset(); i < top.scoreDocs.length && ids.size() < request.size(); i++) {
                ScoreDoc hit = top.scoreDocs[i];
                ids.add(stored.document(hit.doc).getField(IndexedFields.ID).numericValue().longValue());
            }
            boolean bounded = top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
            long total = bounded ? Math.min(top.totalHits.value, request.exactTotalUpTo()) : top.totalHits.value;
            return new SearchHits(ids, total, bounded);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
        }
    }
}
