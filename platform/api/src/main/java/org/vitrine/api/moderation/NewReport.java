package org.vitrine.api.moderation;

import java.time.Instant;
import java.util.Objects;

/**
 * A report as someone files it.
 *
 * @param documentId    the reported document
 * @param reporterId    the signed-in reporter's account, or null
 * @param reporterEmail an address to answer an anonymous reporter, or null
 * @param reason        why
 * @param message       what the reporter wrote, or null
 * @param at            when (UTC)
 * @param ip            the reporter's address, kept for the retention period only
 */
public record NewReport(long documentId, Long reporterId, String reporterEmail, ReportReason reason, String message,
                        Instant at, String ip) {
    public NewReport {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
