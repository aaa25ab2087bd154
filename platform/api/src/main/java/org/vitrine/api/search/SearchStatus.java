package org.vitrine.api.search;

import java.time.Instant;

/**
 * What a search index is doing.
 *
 * @param engine   the index's id, e.g. {@code lucene}
 * @param state    whether it answers searches
 * @param indexed  documents in the index; while rebuilding, documents written so far
 * @param toIndex  while rebuilding, how many public documents the database had when the rebuild started; else
 *                 the same as {@code indexed}
 * @param since    when the index entered this state
 * @param reason   why it is rebuilding or unavailable, for admins (no server paths); null when ready
 */
public record SearchStatus(String engine, State state, long indexed, long toIndex, Instant since, String reason) {

    /** Whether searches are answered by the index. */
    public enum State {
        /** The index answers searches. */
        READY,
        /** The index is being built again from the database; searches go elsewhere meanwhile. */
        REBUILDING,
        /** The index cannot answer (its files could not be opened, say); searches go elsewhere. */
        UNAVAILABLE
    }
}
