package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.identity.Identity;

/** A row of {@code identities}; the link time as UTC {@link LocalDateTime} (see {@link UtcTimes}). */
public class IdentityRow {

    private Long id;
    private Long accountId;
    private String provider;
    private String externalId;
    private String displayName;
    private String email;
    private LocalDateTime linkedAt;

    public IdentityRow() {
    }

    static IdentityRow of(long accountId, String provider, String externalId, String displayName, String email,
                          LocalDateTime now) {
        IdentityRow row = new IdentityRow();
        row.accountId = accountId;
        row.provider = provider;
        row.externalId = externalId;
        row.displayName = displayName;
        row.email = email;
        row.linkedAt = now;
        return row;
    }

    Identity toIdentity() {
        return new Identity(id, accountId, provider, externalId, displayName, email, UtcTimes.toInstant(linkedAt));
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public LocalDateTime getLinkedAt() { return linkedAt; }
    public void setLinkedAt(LocalDateTime linkedAt) { this.linkedAt = linkedAt; }
}
