package org.vitrine.api.audit;

import java.util.Objects;

/**
 * An event as the log keeps it, with its place in the log.
 *
 * @param id    increases with every event appended; pages of the log are cut by it
 * @param event what happened
 */
public record AuditEntry(long id, AuditEvent event) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
    }
}
