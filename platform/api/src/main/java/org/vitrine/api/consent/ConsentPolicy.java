package org.vitrine.api.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The rules under which Vitrine asks for and honours choices about personal data (e.g. the GDPR's opt-in, the
 * CCPA's opt-out), contributed by a consent module. Exactly one policy is active at a time: the consent modules
 * form one exclusive group, and the admin switches between them while Vitrine runs.
 *
 * <p>Decisions are recorded under a policy's {@link #id()} and {@link #version()}. A new version (with its new
 * effective date) asks everyone again: decisions recorded under another version no longer count, though they stay
 * in the ledger.
 *
 * <p>Threading: every method returns quickly, does no I/O and may be called concurrently from request threads.
 * The version, effective date and purposes may change while Vitrine runs (when the admin edits the settings);
 * a caller that needs them to agree reads each once per request.
 */
@ConsumerType
public interface ConsentPolicy {

    /** Stable id recorded with every decision, e.g. {@code gdpr}. At most 64 characters. */
    String id();

    /** Display name, e.g. "GDPR (opt-in)". */
    String name();

    /** The version of the policy's text; a new one asks everyone again. At most 32 characters. */
    String version();

    /** The day this version applies from. */
    LocalDate effectiveDate();

    /** Every purpose, in the order people see them; ids are unique. */
    List<Purpose> purposes();

    /**
     * The decisions a request's browser signals imply under this policy, by purpose id; empty when the signals
     * mean nothing to it. Vitrine records them once per policy version with the source {@link ConsentSource#GPC}.
     */
    Map<String, Boolean> impliedBy(BrowserSignals signals);

    /** The purpose with that id. */
    default Optional<Purpose> purpose(String id) {
        return purposes().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
