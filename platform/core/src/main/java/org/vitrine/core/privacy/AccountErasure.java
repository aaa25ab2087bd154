package org.vitrine.core.privacy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.privacy.ErasedAccount;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.privacy.PersonalDataHolder;
import org.vitrine.api.privacy.PersonalDataStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

/**
 * The right to erasure: a person deletes their account. They confirm with their password (and second factor when
 * on); an account without a password, or any account while the password module is off, confirms with a sign-in
 * less than {@link #FRESH_SIGN_IN} old. Then their personal data is erased, the row kept for integrity, their
 * documents taken down, their designer records unlinked and all their sessions ended. What modules keep outside the
 * database (the mail spool, for one) goes too: every {@link PersonalDataHolder} is asked to erase the account.
 */
@Component(service = AccountErasure.class)
public class AccountErasure {

    static final Duration FRESH_SIGN_IN = OwnerProof.FRESH_SIGN_IN;
    static final String ACTION = "account.delete";
    static final String DOCUMENT_REASON = "The account that published it was deleted.";
    private static final Logger LOG = LoggerFactory.getLogger(AccountErasure.class);

    /** How the person proves it is them; every field may be null. */
    public record Proof(String password, String code, String recoveryCode) {
    }

    private final PersonalDataStore personal;
    private final AccountStore accounts;
    private final SessionManager sessions;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;
    private final SecondFactor secondFactor;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OwnerConfirmation confirmation;
    private final List<PersonalDataHolder> holders = new CopyOnWriteArrayList<>();

    @Activate
    public AccountErasure(@Reference PersonalDataStore personal, @Reference AccountStore accounts,
                          @Reference SessionManager sessions, @Reference BlobStore blobs, @Reference AuditLog audit,
                          @Reference SecondFactor secondFactor) {
        this(personal, accounts, sessions, blobs, audit, Clock.systemUTC(), null, secondFactor);
    }

    AccountErasure(PersonalDataStore personal, AccountStore accounts, SessionManager sessions, BlobStore blobs, AuditLog audit,
                   Clock clock, OwnerConfirmation confirmation, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.personal = personal;
        this.accounts = accounts;
        this.sessions = sessions;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
        this.confirmation = confirmation;
    }

    /** Deletes the session's account, once the proof is accepted; nothing changes when it is not. */
    public ErasedAccount delete(Session session, Proof proof, ClientInfo client) {
        long accountId = session.accountId();
        confirm(session, proof, client);
        String email = accounts.byId(accountId).map(Account::email).orElse(null);
        ErasedAccount erased = personal.erase(accountId, DOCUMENT_REASON, clock.instant());
        for (BlobKey blob : erased.exportBlobs()) {
            try {
                blobs.delete(blob);
            } catch (IOException e) {
                LOG.warn("Could not remove a data export archive of a deleted account: {}", e.toString());
            }
        }
        Map<String, String> elsewhere = eraseFromHolders(accountId, email);
        sessions.endAll(accountId, null);
        // no address, name or e-mail: the account id alone names a row that no longer holds any of them
        audit.append(new AuditEvent(clock.instant(), subject(accountId), ACTION, subject(accountId), null, "success",
                erased.disabledDocuments() + " documents taken down" + (elsewhere.isEmpty() ? "" : ", removed elsewhere: " + elsewhere)));
        return erased;
    }

    /** What each holder removed, or that it failed (logged; the store's erasure cannot be undone, so the others go on). */
    private Map<String, String> eraseFromHolders(long accountId, String email) {
        Map<String, String> removed = new TreeMap<>();
        for (PersonalDataHolder holder : holders) {
            try {
                removed.put(holder.name(), Integer.toString(holder.erase(accountId, email)));
            } catch (RuntimeException e) {
                LOG.error("Deleting account {}: {} could not erase what it keeps; remove it by hand", accountId, holder.name(), e);
                removed.put(holder.name(), "failed");
            }
        }
        return removed;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHolder(PersonalDataHolder holder) {
        holders.add(holder);
    }

    void removeHolder(PersonalDataHolder holder) {
        holders.remove(holder);
    }

    private void confirm(Session session, Proof proof, ClientInfo client) {
        new OwnerProof(proof.password(), proof.code(), proof.recoveryCode())
                .check(confirmation, secondFactor, session, ACTION, "the deletion of your account", client, audit, clock);
    }

    private static String subject(long accountId) {
        return "account:" + accountId;
    }

}
