package org.vitrine.api.search;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The public catalog as a search index is built from: provided by the metadata store.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface SearchSource {

    /**
     * A short value that changes when the public catalog changes (documents imported, taken down, restored or
     * erased). An index keeps the value it was built or last updated with; a different value at start-up means
     * the database changed behind the index's back, and the index is rebuilt.
     */
    String fingerprint();

    /** How many public documents there are. */
    long publicCount();

    /** Up to {@code limit} public documents with ids above {@code afterId}, by ascending id. */
    List<SearchDocument> publicDocuments(long afterId, int limit);

    /** Those of the given documents that are public; ids of documents that are not (or are unknown) are left out. */
    List<SearchDocument> documents(Collection<Long> ids);
}
