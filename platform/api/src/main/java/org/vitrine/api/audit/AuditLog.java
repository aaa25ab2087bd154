package org.vitrine.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only record of security-relevant events, provided by the metadata store.
 *
 * <p>Threading: thread-safe; {@link #append} may block on the database for a few milliseconds and should
 * not be called while holding locks.
 */
@ProviderType
public interface AuditLog {

    void append(AuditEvent event);

    /** The newest events first, at most {@code limit} (1 to 1000). */
    List<AuditEvent> recent(int limit);

    /** A page of the log, newest first: see {@link AuditQuery}. */
    List<AuditEntry> page(AuditQuery query);
}
