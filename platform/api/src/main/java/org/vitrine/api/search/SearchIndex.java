package org.vitrine.api.search;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A text index of the public catalog, kept beside the database: the store puts in every document whose searchable
 * content or visibility changed, once its transaction has committed, and the index can be rebuilt from the
 * {@link SearchSource} at any time. An index answers only ids and a total; the catalog reads the documents
 * themselves from the database. At most one index is used; when none is present, or it answers nothing (while it
 * rebuilds), the catalog searches the database itself.
 *
 * <p>Threading: thread-safe. {@link #search} must return quickly (it serves page requests); {@link #put} and
 * {@link #remove} may block briefly and make the change visible to the next search before they return;
 * {@link #rebuild} returns at once and works in the background.
 */
@ProviderType
public interface SearchIndex {

    /** Short stable id of the engine, e.g. {@code lucene}. */
    String id();

    /** What the index is doing now. */
    SearchStatus status();

    /**
     * The best hits for the request, or empty when the index cannot answer now (rebuilding or unavailable): the
     * caller then searches another way.
     */
    Optional<SearchHits> search(SearchRequest request);

    /** Adds the documents, replacing any kept under the same ids; visible to the next search. */
    void put(Collection<SearchDocument> documents);

    /** Removes these documents (taken down, erased or no longer public); unknown ids are ignored. */
    void remove(Collection<Long> ids);

    /**
     * Starts building the index again from the {@link SearchSource}, in the background, unless a rebuild already
     * runs.
     *
     * @return true when this call started a rebuild, false when one was already running
     */
    boolean rebuild();
}
