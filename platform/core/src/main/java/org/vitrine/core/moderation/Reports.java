package org.vitrine.core.moderation;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.moderation.NewReport;
import org.vitrine.api.moderation.Report;
import org.vitrine.api.moderation.ReportReason;
import org.vitrine.api.moderation.ReportState;
import org.vitrine.api.moderation.ReportStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.security.Caller;
import org.vitrine.core.http.QueryParams;
import org.vitrine.core.takedown.DocumentTakedowns;
import org.vitrine.core.takedown.TakedownReasons;

/**
 * Reports about documents and the moderators' queue. Anyone may report a public document (per-address budget
 * {@code report.ip}); moderators and admins read the queue and close reports with a note, optionally taking the
 * document down on the way. Filing ({@code report.create}) and closing ({@code report.close}) are audited.
 */
@Component(service = Reports.class)
public class Reports {

    static final String CREATE = "report.create";
    static final String CLOSE = "report.close";
    static final int MAX_MESSAGE = 2000;

    private final ReportStore reports;
    private final DocumentStore documents;
    private final DocumentTakedowns takedowns;
    private final RateLimiter limits;
    private final AuditLog audit;

    @Activate
    public Reports(@Reference ReportStore reports, @Reference DocumentStore documents, @Reference DocumentTakedowns takedowns,
                   @Reference RateLimiter limits, @Reference AuditLog audit) {
        this.reports = reports;
        this.documents = documents;
        this.takedowns = takedowns;
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * Files a report about a public document.
     *
     * @param caller who reports, or null for an anonymous visitor
     * @param email  an address to answer an anonymous reporter, or null
     * @return the report's id
     */
    public long file(Caller caller, long documentId, String reason, String message, String email, String ip) {
        limits.consume("report.ip", ip);
        ReportReason why = TakedownReasons.parse(reason);
        String text = QueryParams.text("message", message, MAX_MESSAGE);
        String address = QueryParams.email("email", email);
        PublishedDocument document = documents.find(documentId)
                .orElseThrow(() -> DomainException.notFound("There is no document " + documentId + "."));
        if (document.status() == DocumentStatus.DISABLED) {
            throw new DomainException(DomainException.Kind.GONE, "This document was taken down already.");
        }
        Instant now = Instant.now();
        Long reporter = caller == null ? null : caller.accountId();
        long id = reports.add(new NewReport(documentId, reporter, address, why, text, now, ip));
        audit.append(new AuditEvent(now, caller == null ? null : caller.name(), CREATE, "report:" + id, ip, "success",
                "document:" + documentId + " " + why.id()));
        return id;
    }

    /** The queue: reports in this state, oldest first, for moderators and admins. */
    public List<Report> queue(Caller caller, ReportState state, Long after, int limit) {
        requireModerator(caller);
        return reports.queue(state, after, limit);
    }

    /**
     * Closes an open report with a note; with {@code disableDocument}, its document is taken down first (unless it
     * is down already).
     */
    public Report close(Caller caller, long reportId, String note, boolean disableDocument, String ip) {
        Caller who = requireModerator(caller);
        Report report = reports.find(reportId).orElseThrow(() -> DomainException.notFound("There is no report " + reportId + "."));
        String written = QueryParams.text("note", note, MAX_MESSAGE);
        if (written == null) {
            throw DomainException.badRequest("'note' is missing: say how the report was handled.");
        }
        if (report.state() == ReportState.CLOSED) {
            throw DomainException.conflict("This report is closed already.");
        }
        boolean takenDown = disableDocument && report.documentStatus() == DocumentStatus.PUBLIC;
        if (takenDown) {
            takedowns.disable(who, report.documentId(), report.reason().id(), "report:" + reportId, ip);
        }
        Instant now = Instant.now();
        if (!reports.close(reportId, who.accountId(), written, now)) {
            throw DomainException.conflict("This report is closed already.");
        }
        audit.append(new AuditEvent(now, who.name(), CLOSE, "report:" + reportId, ip, "success",
                (takenDown ? "document taken down: " : "closed: ") + written));
        return reports.find(reportId).orElseThrow();
    }

    /** The caller, when a moderator or an admin; 401 for nobody, 403 for anyone else. */
    public Caller requireModerator(Caller caller) {
        if (caller == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first.");
        }
        if (!DocumentTakedowns.mayModerate(caller)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This needs the moderator or admin role.");
        }
        return caller;
    }
}
