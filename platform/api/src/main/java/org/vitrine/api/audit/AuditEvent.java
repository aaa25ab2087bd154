package org.vitrine.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One security-relevant event. Never holds a password, code, token or secret.
 *
 * @param time    when it happened (UTC)
 * @param actor   who did it (account id, {@code ops-token}, {@code system}); may be {@code null} when unknown
 * @param action  what was done, dotted lower case, e.g. {@code module.disable}
 * @param target  what it was done to, e.g. a module id; may be {@code null}
 * @param ip      the client address, or {@code null}
 * @param outcome {@code success}, {@code failure} or {@code refused}
 * @param detail  a short explanation; may be {@code null}
 */
public record AuditEvent(Instant time, String actor, String action, String target, String ip, String outcome,
                         String detail) {
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
