package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Locale;

import org.vitrine.api.accounts.EmailToken;
import org.vitrine.api.accounts.EmailTokenPurpose;

/** A row of {@code email_tokens}, without the hash it was found by; purposes are the schema's lower-case names. */
public class EmailTokenRow {

    private Long accountId;
    private String purpose;
    private String newEmail;
    private LocalDateTime expiresAt;
    private LocalDateTime usedAt;

    public EmailTokenRow() {
    }

    static String dbName(EmailTokenPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }

    EmailTokenPurpose purposeValue() {
        return EmailTokenPurpose.valueOf(purpose.toUpperCase(Locale.ROOT));
    }

    EmailToken toToken() {
        return new EmailToken(accountId, purposeValue(), newEmail, UtcTimes.toInstant(expiresAt));
    }

    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getNewEmail() { return newEmail; }
    public void setNewEmail(String newEmail) { this.newEmail = newEmail; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(LocalDateTime expiresAt) { this.expiresAt = expiresAt; }
    public LocalDateTime getUsedAt() { return usedAt; }
    public void setUsedAt(LocalDateTime usedAt) { this.usedAt = usedAt; }
}
