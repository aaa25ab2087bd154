package org.vitrine.store.mariadb.internal;

import org.vitrine.api.documents.PublishedDocument;

/** A row of {@code designers} with the role it has on one document, from {@code document_designers}. */
public class DesignerRow {

    private Long id;
    private String externalId;
    private String displayName;
    private String role;
    private Long accountId;

    public DesignerRow() {
    }

    PublishedDocument.DesignerCredit toCredit() {
        return new PublishedDocument.DesignerCredit(id, externalId, displayName, role, accountId);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
}
