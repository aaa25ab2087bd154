package org.vitrine.api.consent;

import java.time.Instant;
import java.util.List;

/**
 * A subject's decisions under the active policy, as read at one moment.
 *
 * @param policy        the policy's id, name, version and effective date at that moment
 * @param purposes      every purpose with what applies to the subject
 * @param needsDecision whether the person must be asked: a refusable purpose has no decision under this version
 */
public record ConsentState(PolicyInfo policy, List<PurposeState> purposes, boolean needsDecision) {

    public ConsentState {
        purposes = List.copyOf(purposes);
    }

    /** A policy's identity at one moment. */
    public record PolicyInfo(String id, String name, String version, java.time.LocalDate effectiveDate) {
    }

    /**
     * One purpose for the subject.
     *
     * @param purpose   the purpose as the policy describes it
     * @param granted   whether it is allowed now
     * @param decision  the record that decided it under the current version, or {@code null} when the default applies
     */
    public record PurposeState(Purpose purpose, boolean granted, ConsentRecord decision) {

        public boolean decided() {
            return decision != null;
        }

        public Instant decidedAt() {
            return decision == null ? null : decision.recordedAt();
        }
    }

    /** Whether the subject allows the purpose now; {@code false} for an unknown purpose. */
    public boolean allows(String purposeId) {
        return purposes.stream().anyMatch(p -> p.purpose().id().equals(purposeId) && p.granted());
    }
}
