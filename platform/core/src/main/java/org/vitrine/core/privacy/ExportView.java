package org.vitrine.core.privacy;

import java.time.Instant;
import java.util.Locale;

import org.vitrine.api.privacy.DataExport;
import org.vitrine.api.privacy.DataExportState;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A data export as the API shows it; {@code downloadUrl} is present while it can be downloaded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportView(long id, String state, Instant createdAt, Instant readyAt, Instant expiresAt, String url,
                         String downloadUrl) {

    static ExportView of(DataExport e) {
        String url = "/api/me/exports/" + e.id();
        return new ExportView(e.id(), e.state().name().toLowerCase(Locale.ROOT), e.requestedAt(), e.readyAt(), e.expiresAt(),
                url, e.state() == DataExportState.READY ? url + "/download" : null);
    }
}
