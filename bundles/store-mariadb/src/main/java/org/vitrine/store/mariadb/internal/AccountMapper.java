package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/**
 * SQL for accounts, their roles and second factors lives in AccountMapper.xml beside this interface. Roles
 * and statuses are the lower-case ENUM names of the schema; updates return the number of matched rows.
 */
public interface AccountMapper {

    void insertAccount(AccountRow row);

    void insertRoles(@Param("accountId") long accountId, @Param("roles") Collection<String> roles);

    AccountRow byId(@Param("id") long id);

    AccountRow byEmail(@Param("email") String email);

    List<AccountRow> activeWithRole(@Param("role") String role);

    String passwordHash(@Param("accountId") long accountId);

    int setPasswordHash(@Param("accountId") long accountId, @Param("passwordHash") String passwordHash,
                        @Param("now") LocalDateTime now);

    /**
     * Locks the account row for the rest of the transaction, so that changes to one account's roles or second
     * factor queue up instead of interleaving; returns {@code null} when there is no such account.
     */
    Long lockAccount(@Param("accountId") long accountId);

    int deleteRoles(@Param("accountId") long accountId);

    int recordSignIn(@Param("accountId") long accountId, @Param("when") LocalDateTime when);

    TotpRow totp(@Param("accountId") long accountId);

    void upsertTotp(TotpRow row);

    int confirmTotp(@Param("accountId") long accountId, @Param("when") LocalDateTime when);

    int advanceTotpStep(@Param("accountId") long accountId, @Param("step") long step);

    int deleteTotp(@Param("accountId") long accountId);

    int deleteRecoveryCodes(@Param("accountId") long accountId);

    void insertRecoveryCodes(@Param("accountId") long accountId, @Param("codeHashes") List<String> codeHashes,
                             @Param("now") LocalDateTime now);

    int useRecoveryCode(@Param("accountId") long accountId, @Param("codeHash") String codeHash,
                        @Param("now") LocalDateTime now);

    int remainingRecoveryCodes(@Param("accountId") long accountId);

    /** How many accounts that are not deleted match the LIKE pattern (lower case; null: all). */
    long countMatching(@Param("like") String like);

    /** Their ids, newest first. */
    List<Long> matchingIds(@Param("like") String like, @Param("offset") int offset, @Param("limit") int limit);

    /** These accounts, newest first. */
    List<AccountRow> byIds(@Param("ids") List<Long> ids);

    /** Sets the status of an account that is not deleted. */
    int setStatus(@Param("accountId") long accountId, @Param("status") String status, @Param("now") LocalDateTime now);

    ActivityRow activity(@Param("accountId") long accountId);

    LocalDateTime emailVerifiedAt(@Param("accountId") long accountId);

    int markEmailVerified(@Param("accountId") long accountId, @Param("when") LocalDateTime when);

    int changeEmail(@Param("accountId") long accountId, @Param("email") String email, @Param("when") LocalDateTime when);

    /** Makes the account's unused tokens (of one purpose, or of all when {@code purpose} is null) stop working. */
    int expireEmailTokens(@Param("accountId") long accountId, @Param("purpose") String purpose, @Param("now") LocalDateTime now);

    int deleteEmailTokensExpiredBefore(@Param("before") LocalDateTime before);

    void insertEmailToken(@Param("accountId") long accountId, @Param("purpose") String purpose, @Param("tokenHash") String tokenHash,
                          @Param("newEmail") String newEmail, @Param("expiresAt") LocalDateTime expiresAt, @Param("now") LocalDateTime now);

    /** Marks the token used when it is unused, unexpired and of one of the purposes; 1 when it was, 0 otherwise. */
    int useEmailToken(@Param("tokenHash") String tokenHash, @Param("purposes") Collection<String> purposes,
                      @Param("now") LocalDateTime now);

    EmailTokenRow emailToken(@Param("tokenHash") String tokenHash);
}
