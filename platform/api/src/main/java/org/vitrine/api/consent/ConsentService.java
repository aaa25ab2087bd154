package org.vitrine.api.consent;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place Vitrine asks whether non-essential processing may happen, and where decisions are made.
 * It applies the active {@link ConsentPolicy}: a decision recorded under the policy's current version counts;
 * otherwise the purpose's default applies; a purpose that cannot be refused is always allowed.
 *
 * <p>Threading: thread-safe. Methods read or append to the ledger and may block on the database for a few
 * milliseconds; they are meant for request threads and background jobs alike.
 */
@ProviderType
public interface ConsentService {

    /**
     * Whether the subject allows the purpose now. {@code false} for a purpose the active policy does not know,
     * and for every purpose while no policy is active. A {@code null} subject is someone who has not decided
     * anything (no account, no consent cookie): the policy's defaults apply.
     */
    boolean allows(ConsentSubject subject, String purpose);

    /** The active policy, if a consent module is on. */
    Optional<ConsentPolicy> activePolicy();

    /**
     * The subject's decisions under the active policy; for a {@code null} subject, the policy's defaults.
     *
     * @throws org.vitrine.api.problem.DomainException UNAVAILABLE when no policy is active
     */
    ConsentState state(ConsentSubject subject);

    /**
     * Records the subject's choices, one record per refusable purpose named (a purpose that cannot be refused
     * may be sent as granted and is not recorded).
     *
     * @param choices       purpose id to granted
     * @param source        where the choices were made
     * @param uiTextVersion the version of the wording the person saw; {@code null} for the policy's version
     * @param ip            the client's address, or {@code null}
     * @throws org.vitrine.api.problem.DomainException BAD_REQUEST naming an unknown purpose or a refusal of one that
     *                                                 cannot be refused (nothing is recorded then)
     */
    ConsentState decide(ConsentSubject subject, Map<String, Boolean> choices, ConsentSource source,
                        String uiTextVersion, String ip);

    /**
     * Records what the browser's signals imply under the active policy (e.g. GPC under the CCPA), once per policy
     * version and purpose: a choice the person makes afterwards wins.
     *
     * @return whether anything was recorded
     */
    boolean applySignals(ConsentSubject subject, BrowserSignals signals, String ip);

    /**
     * Attaches a visitor's decisions to the account they signed in to: each of the visitor's current decisions
     * that is newer than the account's own for that purpose is recorded for the account (source
     * {@link ConsentSource#SIGNIN}, pointing at the visitor's record). The visitor's records stay as they are.
     *
     * @return how many decisions were attached
     */
    int attachVisitor(String visitorId, long accountId, String ip);
}
