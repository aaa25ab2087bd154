package org.vitrine.api.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision in the ledger: who decided what about which purpose, under which policy version, where and when.
 * Records are appended and never changed.
 *
 * @param id            the ledger's id; {@code null} before it is appended
 * @param subject       who decided
 * @param purpose       the purpose id
 * @param granted       granted ({@code true}) or refused/withdrawn ({@code false})
 * @param policyId      the active policy's id when it was decided
 * @param policyVersion that policy's version
 * @param source        where the decision came from
 * @param uiTextVersion the version of the wording the person saw; may be {@code null}
 * @param recordedAt    when, in UTC
 * @param ip            the client address, for proof; may be {@code null} (shortened after the retention period)
 * @param attachedFrom  for a visitor's decision attached to an account at sign-in: the id of the visitor's record
 */
public record ConsentRecord(Long id, ConsentSubject subject, String purpose, boolean granted, String policyId,
                            String policyVersion, ConsentSource source, String uiTextVersion, Instant recordedAt,
                            String ip, Long attachedFrom) {

    public ConsentRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
