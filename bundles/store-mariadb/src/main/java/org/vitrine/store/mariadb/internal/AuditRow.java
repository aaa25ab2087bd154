package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.vitrine.api.audit.AuditEntry;
import org.vitrine.api.audit.AuditEvent;

/**
 * A row of {@code audit_events}. Times travel as UTC {@link LocalDateTime}, so what is stored does not depend
 * on the time zone of the JVM or of the database session.
 */
public class AuditRow {

    private Long id;
    private LocalDateTime occurredAt;
    private String actor;
    private String action;
    private String target;
    private String ip;
    private String outcome;
    private String detail;

    public AuditRow() {
    }

    static AuditRow of(AuditEvent e) {
        AuditRow row = new AuditRow();
        row.occurredAt = LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC);
        row.actor = e.actor();
        row.action = e.action();
        row.target = e.target();
        row.ip = e.ip();
        row.outcome = e.outcome();
        row.detail = e.detail() == null || e.detail().length() <= 1000 ? e.detail() : e.detail().substring(0, 1000);
        return row;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, toEvent());
    }

    AuditEvent toEvent() {
        Instant time = occurredAt.toInstant(ZoneOffset.UTC);
        return new AuditEvent(time, actor, action, target, ip, outcome, detail);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
}
