package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.ibatis.exceptions.PersistenceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountActivity;
import org.vitrine.api.accounts.AccountPage;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.NewAccount;
import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Role;

/**
 * Accounts in the {@code accounts}, {@code account_roles}, {@code totp_credentials} and {@code recovery_codes}
 * tables. Writes that span several statements run in one transaction that first locks the account row, so
 * concurrent changes to one account queue up. Writes to an account that does not exist fail with NOT_FOUND.
 */
@Component
public class MariaDbAccountStore implements AccountStore {

    private final Database database;

    @Activate
    public MariaDbAccountStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Account create(NewAccount account) {
        AccountRow row = AccountRow.of(account, UtcTimes.now());
        try {
            return inTransaction(m -> {
                m.insertAccount(row);
                m.insertRoles(row.getId(), roleNames(account.roles()));
                return m.byId(row.getId()).toAccount();
            });
        } catch (PersistenceException e) {
            if (SqlFailures.isDuplicateKey(e)) {
                throw DomainException.conflict("An account with this e-mail address already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Account> byId(long id) {
        return Optional.ofNullable(inSession(m -> m.byId(id))).map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(inSession(m -> m.byEmail(email))).map(AccountRow::toAccount);
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return Optional.ofNullable(inSession(m -> m.passwordHash(accountId)));
    }

    @Override
    public void setPasswordHash(long accountId, String passwordHash) {
        requireAccount(accountId, inSession(m -> m.setPasswordHash(accountId, passwordHash, UtcTimes.now())));
    }

    @Override
    public void setRoles(long accountId, Set<Role> roles) {
        inTransaction(m -> {
            lock(m, accountId);
            m.deleteRoles(accountId);
            m.insertRoles(accountId, roleNames(roles));
            return null;
        });
    }

    @Override
    public List<Account> withRole(Role role) {
        Objects.requireNonNull(role, "role");
        return inSession(m -> m.activeWithRole(AccountRow.dbName(role))).stream().map(AccountRow::toAccount).toList();
    }

    @Override
    public void recordSignIn(long accountId, Instant when) {
        LocalDateTime signedInAt = UtcTimes.toColumn(Objects.requireNonNull(when, "when"));
        requireAccount(accountId, inSession(m -> m.recordSignIn(accountId, signedInAt)));
    }

    @Override
    public Optional<TotpCredential> totp(long accountId) {
        return Optional.ofNullable(inSession(m -> m.totp(accountId))).map(TotpRow::toCredential);
    }

    @Override
    public void saveTotp(long accountId, TotpCredential credential) {
        TotpRow row = TotpRow.enrolment(accountId, credential, UtcTimes.now());
        inTransaction(m -> {
            lock(m, accountId);
            m.upsertTotp(row);
            return null;
        });
    }

    @Override
    public void confirmTotp(long accountId, Instant when) {
        LocalDateTime confirmedAt = UtcTimes.toColumn(Objects.requireNonNull(when, "when"));
        if (inSession(m -> m.confirmTotp(accountId, confirmedAt)) == 0) {
            throw DomainException.notFound("This account has no second factor to confirm.");
        }
    }

    @Override
    public boolean advanceTotpStep(long accountId, long step) {
        return inSession(m -> m.advanceTotpStep(accountId, step)) == 1;
    }

    @Override
    public void deleteTotp(long accountId) {
        inTransaction(m -> {
            if (m.lockAccount(accountId) != null) {
                m.deleteRecoveryCodes(accountId);
                m.deleteTotp(accountId);
            }
            return null;
        });
    }

    @Override
    public void replaceRecoveryCodes(long accountId, List<String> codeHashes) {
        LocalDateTime now = UtcTimes.now();
        inTransaction(m -> {
            lock(m, accountId);
            m.deleteRecoveryCodes(accountId);
            if (!codeHashes.isEmpty()) {
                m.insertRecoveryCodes(accountId, codeHashes, now);
            }
            return null;
        });
    }

    @Override
    public boolean useRecoveryCode(long accountId, String codeHash) {
        return inSession(m -> m.useRecoveryCode(accountId, codeHash, UtcTimes.now())) == 1;
    }

    @Override
    public int remainingRecoveryCodes(long accountId) {
        return inSession(m -> m.remainingRecoveryCodes(accountId));
    }

    @Override
    public AccountPage search(String text, int page, int size) {
        String like = text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return inSession(m -> {
            long total = m.countMatching(like);
            List<Long> ids = m.matchingIds(like, page * size, size);
            List<Account> items = ids.isEmpty() ? List.of() : m.byIds(ids).stream().map(AccountRow::toAccount).toList();
            return new AccountPage(items, total, page, size);
        });
    }

    @Override
    public void setStatus(long accountId, AccountStatus status) {
        if (Objects.requireNonNull(status, "status") == AccountStatus.DELETED) {
            throw DomainException.badRequest("Accounts are deleted by erasure, not by a status change.");
        }
        requireAccount(accountId, inSession(m -> m.setStatus(accountId, AccountRow.dbName(status), UtcTimes.now())));
    }

    @Override
    public Optional<AccountActivity> activity(long accountId) {
        return Optional.ofNullable(inSession(m -> m.activity(accountId))).map(ActivityRow::toActivity);
    }

    @Override
    public Optional<Instant> emailVerifiedAt(long accountId) {
        return Optional.ofNullable(inSession(m -> m.emailVerifiedAt(accountId))).map(UtcTimes::toInstant);
    }

    @Override
    public void markEmailVerified(long accountId, Instant when) {
        LocalDateTime verifiedAt = UtcTimes.toColumn(Objects.requireNonNull(when, "when"));
        requireAccount(accountId, inSession(m -> m.markEmailVerified(accountId, verifiedAt)));
    }

    @Override
    public void changeEmail(long accountId, String email, Instant when) {
        LocalDateTime verifiedAt = UtcTimes.toColumn(Objects.requireNonNull(when, "when"));
        try {
            inTransaction(m -> {
                lock(m, accountId);
                m.changeEmail(accountId, Objects.requireNonNull(email, "email"), verifiedAt);
                m.expireEmailTokens(accountId, null, verifiedAt);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlFailures.isDuplicateKey(e)) {
                throw DomainException.conflict("Another account has this e-mail address.");
            }
            throw e;
        }
    }

    /** USER first, then the others: every account has USER whatever the caller passes. */
    private static Set<String> roleNames(Set<Role> roles) {
        Set<String> names = new LinkedHashSet<>();
        names.add(AccountRow.dbName(Role.USER));
        roles.forEach(role -> names.add(AccountRow.dbName(role)));
        return names;
    }

    private static void lock(AccountMapper mapper, long accountId) {
        if (mapper.lockAccount(accountId) == null) {
            throw noSuchAccount(accountId);
        }
    }

    private static void requireAccount(long accountId, int matchedRows) {
        if (matchedRows == 0) {
            throw noSuchAccount(accountId);
        }
    }

    private static DomainException noSuchAccount(long accountId) {
        return DomainException.notFound("There is no account with id " + accountId + ".");
    }

    /** One statement, committed on its own. */
    private <T> T inSession(Function<AccountMapper, T> work) {
        return MapperSessions.inSession(database, AccountMapper.class, work);
    }

    private <T> T inTransaction(Function<AccountMapper, T> work) {
        return MapperSessions.inTransaction(database, AccountMapper.class, work);
    }
}
