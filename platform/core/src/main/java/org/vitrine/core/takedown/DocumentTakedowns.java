package org.vitrine.core.takedown;

import java.time.Instant;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.Takedown;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;
import org.vitrine.core.catalog.EditRights;
import org.vitrine.core.http.QueryParams;
import org.vitrine.core.notices.AccountNotices;

/**
 * Taking documents down and putting them back; a taken-down document is kept, never removed.
 * <ul>
 * <li>its importer or an admin asks to remove it: it goes down at once ({@code document.deletion-request});</li>
 * <li>a moderator or an admin takes it down ({@code document.disable}), e.g. after a report;</li>
 * <li>a moderator or an admin puts it back ({@code document.restore}); once its importer asked for its removal,
 * only an admin may.</li>
 * </ul>
 * Every change and every refusal to someone signed in lands in the audit log, with the caller and address. When
 * someone other than its importer takes a document down, the importer is told by e-mail, with the public reason.
 */
@Component(service = DocumentTakedowns.class)
public class DocumentTakedowns {

    static final String REQUEST = "document.deletion-request";
    static final String DISABLE = "document.disable";
    static final String RESTORE = "document.restore";
    static final int MAX_REASON = 2000;
    /** Public reasons: short, and never what a person wrote (it may name people). */
    static final String ON_REQUEST = "It was removed at the request of the person who published it.";

    private final DocumentStore documents;
    private final AuditLog audit;
    private final AccountNotices notices;

    @Activate
    public DocumentTakedowns(@Reference DocumentStore documents, @Reference AuditLog audit, @Reference AccountNotices notices) {
        this.documents = documents;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * The importer or an admin asks to remove a document: it is taken down at once, and the request (with what
     * they wrote, for admins) is kept.
     *
     * @return the deletion request's id
     */
    public long requestDeletion(Caller caller, long documentId, String reason, String ip) {
        Caller who = signedIn(caller);
        PublishedDocument document = existing(documentId);
        String target = target(documentId);
        if (!EditRights.mayEdit(who, document)) {
            audit.append(new AuditEvent(Instant.now(), who.name(), REQUEST, target, ip, "refused", "not its importer or an admin"));
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "Only the person who imported this document or an admin can ask to remove it.");
        }
        String written = QueryParams.text("reason", reason, MAX_REASON);
        String publicReason = who.has(Role.ADMIN) && !Objects.equals(who.accountId(), document.importedBy())
                ? "It was removed by an administrator." : ON_REQUEST;
        Instant now = Instant.now();
        long request = documents.requestDeletion(documentId, who.accountId(), written, publicReason, now)
                .orElseThrow(() -> missing(documentId));
        audit.append(new AuditEvent(now, who.name(), REQUEST, target, ip, "success", "deletion request " + request));
        tellImporter(who, document, publicReason);
        return request;
    }

    /**
     * A moderator or an admin takes a public document down.
     *
     * @param reason one of the report reasons ({@link TakedownReasons}), which the 410 answer names
     * @param detail what the audit log keeps about why (a note, the report), or null
     */
    public void disable(Caller caller, long documentId, String reason, String detail, String ip) {
        Caller who = moderator(caller, DISABLE, documentId, ip);
        String publicReason = TakedownReasons.publicText(TakedownReasons.parse(reason));
        String written = QueryParams.text("note", detail, MAX_REASON);
        PublishedDocument document = existing(documentId);
        Instant now = Instant.now();
        if (document.status() == DocumentStatus.DISABLED || !documents.disable(documentId, publicReason, now)) {
            throw DomainException.conflict("This document is already taken down.");
        }
        audit.append(new AuditEvent(now, who.name(), DISABLE, target(documentId), ip, "success", written));
        tellImporter(who, document, publicReason);
    }

    /** Someone else took the importer's document down: they hear of it (not of their own removals). */
    private void tellImporter(Caller who, PublishedDocument document, String publicReason) {
        Long importer = document.importedBy();
        if (importer != null && !importer.equals(who.accountId())) {
            notices.documentDisabled(importer, document.id(), document.name(), publicReason);
        }
    }

    /** A moderator or an admin shows a taken-down document again (only an admin once removal was requested). */
    public void restore(Caller caller, long documentId, String note, String ip) {
        Caller who = moderator(caller, RESTORE, documentId, ip);
        existing(documentId);
        Takedown takedown = documents.takedown(documentId)
                .orElseThrow(() -> DomainException.conflict("This document is not taken down."));
        if (takedown.deletionRequested() && !who.has(Role.ADMIN)) {
            audit.append(new AuditEvent(Instant.now(), who.name(), RESTORE, target(documentId), ip, "refused",
                    "removal was requested; admins only"));
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "Its removal was requested by its importer or an admin: only an admin can restore it.");
        }
        String written = QueryParams.text("note", note, MAX_REASON);
        Instant now = Instant.now();
        if (!documents.restore(documentId, now)) {
            throw DomainException.conflict("This document is not taken down.");
        }
        audit.append(new AuditEvent(now, who.name(), RESTORE, target(documentId), ip, "success", written));
    }

    /** Whether the caller may moderate: a moderator or an admin. */
    public static boolean mayModerate(Caller caller) {
        return caller != null && (caller.has(Role.MODERATOR) || caller.has(Role.ADMIN));
    }

    private Caller moderator(Caller caller, String action, long documentId, String ip) {
        Caller who = signedIn(caller);
        if (!mayModerate(who)) {
            audit.append(new AuditEvent(Instant.now(), who.name(), action, target(documentId), ip, "refused", "not a moderator"));
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This needs the moderator or admin role.");
        }
        return who;
    }

    private PublishedDocument existing(long documentId) {
        return documents.find(documentId).orElseThrow(() -> missing(documentId));
    }

    static Caller signedIn(Caller caller) {
        if (caller == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first.");
        }
        return caller;
    }

    private static DomainException missing(long documentId) {
        return DomainException.notFound("There is no document " + documentId + ".");
    }

    static String target(long documentId) {
        return "document:" + documentId;
    }
}
