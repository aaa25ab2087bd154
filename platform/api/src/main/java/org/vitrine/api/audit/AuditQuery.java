package org.vitrine.api.audit;

/**
 * A page of the audit log, newest first.
 *
 * @param before only events with a smaller id (the id of the last event of the previous page), or null
 * @param limit  at most this many events, 1 to 1000
 * @param action only events of this action (e.g. {@code auth.signin}), or null for all
 */
public record AuditQuery(Long before, int limit, String action) {
}
