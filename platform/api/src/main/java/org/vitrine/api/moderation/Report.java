package org.vitrine.api.moderation;

import java.time.Instant;

import org.vitrine.api.documents.DocumentStatus;

/**
 * A report as moderators see it (never with the reporter's address).
 *
 * @param id             the report's id
 * @param documentId     the reported document
 * @param documentName   its name (escape on output)
 * @param documentStatus whether it is shown or taken down now
 * @param reporterId     the reporter's account, or null
 * @param reporterEmail  the anonymous reporter's address, or null
 * @param reason         why
 * @param message        what the reporter wrote, or null
 * @param state          open or closed
 * @param note           the moderator's closing note, or null
 * @param closedBy       the moderator's account, or null (open, or closed with the operations token)
 * @param createdAt      when it was filed
 * @param closedAt       when it was closed, or null
 */
public record Report(long id, long documentId, String documentName, DocumentStatus documentStatus, Long reporterId,
                     String reporterEmail, ReportReason reason, String message, ReportState state, String note, Long closedBy,
                     Instant createdAt, Instant closedAt) {
}
