package org.vitrine.api.documents;

import java.time.Instant;

/**
 * Why and since when a document is taken down.
 *
 * @param reason            the short public reason, shown with the 410 answer; may be null
 * @param at                when it was taken down; may be null for documents taken down before this was recorded
 * @param deletionRequested whether a deletion request (by its importer or an admin) stands for it
 */
public record Takedown(String reason, Instant at, boolean deletionRequested) {
}
