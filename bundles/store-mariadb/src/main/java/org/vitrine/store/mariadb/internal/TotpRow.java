package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.crypto.Sealed;

/** A row of {@code totp_credentials}: the sealed secret in three columns, times as UTC {@link LocalDateTime}. */
public class TotpRow {

    private Long accountId;
    private byte[] secretCiphertext;
    private byte[] secretNonce;
    private String keyId;
    private LocalDateTime confirmedAt;
    private Long lastUsedStep;
    private LocalDateTime createdAt;

    public TotpRow() {
    }

    /** A new enrolment: unconfirmed whatever the credential says, as {@code AccountStore.saveTotp} promises. */
    static TotpRow enrolment(long accountId, TotpCredential credential, LocalDateTime now) {
        Sealed secret = credential.secret();
        TotpRow row = new TotpRow();
        row.accountId = accountId;
        row.secretCiphertext = secret.ciphertext();
        row.secretNonce = secret.nonce();
        row.keyId = secret.keyId();
        row.confirmedAt = null;
        row.lastUsedStep = credential.lastUsedStep();
        row.createdAt = now;
        return row;
    }

    TotpCredential toCredential() {
        return new TotpCredential(new Sealed(secretCiphertext, secretNonce, keyId), UtcTimes.toInstant(confirmedAt),
                lastUsedStep);
    }

    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public byte[] getSecretCiphertext() { return secretCiphertext; }
    public void setSecretCiphertext(byte[] secretCiphertext) { this.secretCiphertext = secretCiphertext; }
    public byte[] getSecretNonce() { return secretNonce; }
    public void setSecretNonce(byte[] secretNonce) { this.secretNonce = secretNonce; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(LocalDateTime confirmedAt) { this.confirmedAt = confirmedAt; }
    public Long getLastUsedStep() { return lastUsedStep; }
    public void setLastUsedStep(Long lastUsedStep) { this.lastUsedStep = lastUsedStep; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
