package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.Locale;

import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.moderation.NewReport;
import org.vitrine.api.moderation.Report;
import org.vitrine.api.moderation.ReportReason;
import org.vitrine.api.moderation.ReportState;

/** A row of {@code reports}, with the name and status of the reported document when read. */
public class ReportRow {

    private Long id;
    private long documentId;
    private String documentName;
    private String documentStatus;
    private Long reporterId;
    private String reporterEmail;
    private String reason;
    private String message;
    private String state;
    private String note;
    private Long closedBy;
    private LocalDateTime createdAt;
    private LocalDateTime closedAt;
    private String ip;

    public ReportRow() {
    }

    static ReportRow of(NewReport r) {
        ReportRow row = new ReportRow();
        row.documentId = r.documentId();
        row.reporterId = r.reporterId();
        row.reporterEmail = r.reporterEmail();
        row.reason = r.reason().id();
        row.message = r.message();
        row.createdAt = UtcTimes.toColumn(r.at());
        row.ip = r.ip();
        return row;
    }

    Report toReport() {
        return new Report(id, documentId, documentName, DocumentStatus.valueOf(documentStatus.toUpperCase(Locale.ROOT)),
                reporterId, reporterEmail, ReportReason.of(reason).orElse(ReportReason.OTHER), message,
                ReportState.valueOf(state.toUpperCase(Locale.ROOT)), note, closedBy, UtcTimes.toInstant(createdAt),
                UtcTimes.toInstant(closedAt));
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getDocumentId() { return documentId; }
    public void setDocumentId(long documentId) { this.documentId = documentId; }
    public String getDocumentName() { return documentName; }
    public void setDocumentName(String documentName) { this.documentName = documentName; }
    public String getDocumentStatus() { return documentStatus; }
    public void setDocumentStatus(String documentStatus) { this.documentStatus = documentStatus; }
    public Long getReporterId() { return reporterId; }
    public void setReporterId(Long reporterId) { this.reporterId = reporterId; }
    public String getReporterEmail() { return reporterEmail; }
    public void setReporterEmail(String reporterEmail) { this.reporterEmail = reporterEmail; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getClosedBy() { return closedBy; }
    public void setClosedBy(Long closedBy) { this.closedBy = closedBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public void setClosedAt(LocalDateTime closedAt) { this.closedAt = closedAt; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
}
