package org.vitrine.core.licences;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.core.accounts.PublishingRule;
import org.vitrine.core.catalog.EditRights;

/**
 * Changes a document's licence: only its importer or an admin may, only to an SPDX licence, and every change
 * and every refusal to someone signed in lands in the audit log ({@code document.licence}).
 */
@Component(service = DocumentLicences.class)
public class DocumentLicences {

    static final String ACTION = "document.licence";

    private final DocumentStore documents;
    private final Licences licences;
    private final AuditLog audit;
    private final PublishingRule publishing;

    @Activate
    public DocumentLicences(@Reference DocumentStore documents, @Reference Licences licences, @Reference AuditLog audit,
                            @Reference PublishingRule publishing) {
        this.documents = documents;
        this.licences = licences;
        this.audit = audit;
        this.publishing = publishing;
    }

    /**
     * @param caller who asks, or null when nobody signed in
     * @param ip     the client's address, for the audit log
     * @return the licence the document has now, as SPDX writes it
     */
    public String change(Caller caller, long documentId, String licence, String ip) {
        if (caller == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first.");
        }
        PublishedDocument document = documents.find(documentId)
                .orElseThrow(() -> DomainException.notFound("There is no document " + documentId + "."));
        if (document.status() == DocumentStatus.DISABLED) {
            throw new DomainException(DomainException.Kind.GONE, "This document was taken down.");
        }
        String target = "document:" + documentId;
        if (!EditRights.mayEdit(caller, document)) {
            audit.append(new AuditEvent(Instant.now(), caller.name(), ACTION, target, ip, "refused", "not its importer or an admin"));
            throw new DomainException(DomainException.Kind.FORBIDDEN,
                    "Only the person who imported this document or an admin can change its licence.");
        }
        if (caller.accountId() != null) {
            publishing.requireMayPublish(caller.accountId());
        }
        if (licence == null || licence.isBlank()) {
            throw DomainException.badRequest("Send {\"licence\": \"<SPDX licence id>\"}, e.g. {\"licence\": \"CC-BY-4.0\"}.");
        }
        String spdx = licences.spdx().find(licence).orElseThrow(() -> DomainException.badRequest("'licence': '"
                + (licence.length() > 64 ? licence.substring(0, 64) + "..." : licence)
                + "' is not an SPDX licence id; GET /api/licences lists them."));
        if (!documents.setLicence(documentId, spdx)) {
            throw DomainException.notFound("There is no document " + documentId + ".");
        }
        audit.append(new AuditEvent(Instant.now(), caller.name(), ACTION, target, ip, "success",
                document.licence() + " -> " + spdx));
        return spdx;
    }
}
