package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentSubject;

/** A row of {@code consent_records}; times travel as UTC {@link LocalDateTime}. */
public class ConsentRow {

    private Long id;
    private String subjectType;
    private Long accountId;
    private String visitorId;
    private String purpose;
    private boolean granted;
    private String policyId;
    private String policyVersion;
    private String source;
    private String uiTextVersion;
    private Long attachedFrom;
    private LocalDateTime recordedAt;
    private String ip;

    public ConsentRow() {
    }

    static ConsentRow of(ConsentRecord r) {
        ConsentRow row = new ConsentRow();
        row.subjectType = r.subject().isAccount() ? "account" : "visitor";
        row.accountId = r.subject().accountId();
        row.visitorId = r.subject().visitorId();
        row.purpose = r.purpose();
        row.granted = r.granted();
        row.policyId = r.policyId();
        row.policyVersion = r.policyVersion();
        row.source = r.source().name().toLowerCase(Locale.ROOT);
        row.uiTextVersion = r.uiTextVersion();
        row.attachedFrom = r.attachedFrom();
        row.recordedAt = LocalDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC);
        row.ip = r.ip();
        return row;
    }

    ConsentRecord toRecord() {
        ConsentSubject subject = "account".equals(subjectType) ? ConsentSubject.account(accountId) : ConsentSubject.visitor(visitorId);
        return new ConsentRecord(id, subject, purpose, granted, policyId, policyVersion,
                ConsentSource.valueOf(source.toUpperCase(Locale.ROOT)), uiTextVersion, recordedAt.toInstant(ZoneOffset.UTC), ip,
                attachedFrom);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSubjectType() { return subjectType; }
    public void setSubjectType(String subjectType) { this.subjectType = subjectType; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getVisitorId() { return visitorId; }
    public void setVisitorId(String visitorId) { this.visitorId = visitorId; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public boolean isGranted() { return granted; }
    public void setGranted(boolean granted) { this.granted = granted; }
    public String getPolicyId() { return policyId; }
    public void setPolicyId(String policyId) { this.policyId = policyId; }
    public String getPolicyVersion() { return policyVersion; }
    public void setPolicyVersion(String policyVersion) { this.policyVersion = policyVersion; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getUiTextVersion() { return uiTextVersion; }
    public void setUiTextVersion(String uiTextVersion) { this.uiTextVersion = uiTextVersion; }
    public Long getAttachedFrom() { return attachedFrom; }
    public void setAttachedFrom(Long attachedFrom) { this.attachedFrom = attachedFrom; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
    public void setRecordedAt(LocalDateTime recordedAt) { this.recordedAt = recordedAt; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
}
