package org.vitrine.api.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.security.Role;

/**
 * Accounts, their password hashes, roles and second factors, kept by the metadata store.
 *
 * <p>Threading: thread-safe; every call may block on the database for a few milliseconds. Methods throw
 * {@link org.vitrine.api.problem.DomainException} (UNAVAILABLE) while the database cannot be reached.
 */
@ProviderType
public interface AccountStore {

    /**
     * Creates an account.
     *
     * @throws org.vitrine.api.problem.DomainException CONFLICT when the e-mail address is taken
     */
    Account create(NewAccount account);

    Optional<Account> byId(long id);

    /** By normalised e-mail address; deleted accounts are not found. */
    Optional<Account> byEmail(String email);

    /** The account's Argon2id PHC string, if it has a password. */
    Optional<String> passwordHash(long accountId);

    void setPasswordHash(long accountId, String passwordHash);

    /** Replaces the roles ({@link Role#USER} is always kept). */
    void setRoles(long accountId, Set<Role> roles);

    /** Active accounts having the role. */
    List<Account> withRole(Role role);

    void recordSignIn(long accountId, Instant when);

    Optional<TotpCredential> totp(long accountId);

    /** Starts (or restarts) enrolment with a new sealed secret, unconfirmed. */
    void saveTotp(long accountId, TotpCredential credential);

    void confirmTotp(long accountId, Instant when);

    /**
     * Records that the code of {@code step} was used, atomically: returns false when that step or a later one
     * was already used, so a replayed code is refused even by concurrent requests.
     */
    boolean advanceTotpStep(long accountId, long step);

    /** Removes the second factor and its recovery codes. */
    void deleteTotp(long accountId);

    /** Replaces the recovery codes with new ones, given as keyed hashes. */
    void replaceRecoveryCodes(long accountId, List<String> codeHashes);

    /** Marks a recovery code used, atomically; returns false when it does not exist or was used already. */
    boolean useRecoveryCode(long accountId, String codeHash);

    /** How many unused recovery codes remain. */
    int remainingRecoveryCodes(long accountId);

    /**
     * A page of accounts, newest first, for admins: every account that is not deleted, or only those whose
     * e-mail address, display name, first or last name contains {@code text} (case-insensitive).
     *
     * @param text the text to look for, or {@code null} for all
     * @param page page number from 0
     * @param size accounts per page, 1 to 100
     */
    AccountPage search(String text, int page, int size);

    /**
     * Sets whether the account may sign in: {@link AccountStatus#ACTIVE} or {@link AccountStatus#DISABLED}.
     *
     * @throws org.vitrine.api.problem.DomainException NOT_FOUND when there is no such account or it is deleted;
     *                                                 BAD_REQUEST for {@link AccountStatus#DELETED} (erasure does that)
     */
    void setStatus(long accountId, AccountStatus status);

    /** What the account did on Vitrine, as admins see it; empty when there is no such account. */
    Optional<AccountActivity> activity(long accountId);

    /** When the account's e-mail address was proven to reach its owner; empty while it was not. */
    Optional<Instant> emailVerifiedAt(long accountId);

    /** Records that the account's current address was proven; an earlier proof is kept. */
    void markEmailVerified(long accountId, Instant when);

    /**
     * Replaces the account's address with one just proven (verified at {@code when}); unused e-mail tokens of the
     * account stop working.
     *
     * @throws org.vitrine.api.problem.DomainException CONFLICT when another account has the address
     */
    void changeEmail(long accountId, String email, Instant when);
}
