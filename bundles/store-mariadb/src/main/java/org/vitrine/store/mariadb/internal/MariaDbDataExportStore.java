package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.privacy.DataExport;
import org.vitrine.api.privacy.DataExportState;
import org.vitrine.api.privacy.DataExportStore;

/** Data exports in the {@code data_exports} table. */
@Component
public class MariaDbDataExportStore implements DataExportStore {

    private final Database database;

    @Activate
    public MariaDbDataExportStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public DataExport create(long accountId, Instant requestedAt) {
        DataExportRow row = DataExportRow.queued(accountId, UtcTimes.toColumn(requestedAt));
        MapperSessions.inSession(database, PrivacyMapper.class, m -> {
            m.insertExport(row);
            return null;
        });
        return row.toExport();
    }

    @Override
    public Optional<DataExport> find(long id) {
        return Optional.ofNullable(MapperSessions.inSession(database, PrivacyMapper.class, m -> m.export(id)))
                .map(DataExportRow::toExport);
    }

    @Override
    public List<DataExport> ofAccount(long accountId, int limit) {
        return MapperSessions.inSession(database, PrivacyMapper.class, m -> m.exportsOf(accountId, limit)).stream()
                .map(DataExportRow::toExport).toList();
    }

    @Override
    public List<DataExport> inState(List<DataExportState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        List<String> names = states.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
        return MapperSessions.inSession(database, PrivacyMapper.class, m -> m.exportsInState(names)).stream()
                .map(DataExportRow::toExport).toList();
    }

    @Override
    public void markRunning(long id) {
        MapperSessions.inSession(database, PrivacyMapper.class, m -> {
            m.markExportRunning(id);
            return null;
        });
    }

    @Override
    public void markReady(long id, BlobKey blob, Instant readyAt, Instant expiresAt) {
        MapperSessions.inSession(database, PrivacyMapper.class, m -> {
            m.markExportReady(id, blob.value(), UtcTimes.toColumn(readyAt), UtcTimes.toColumn(expiresAt));
            return null;
        });
    }

    @Override
    public void markEnded(long id, DataExportState state) {
        MapperSessions.inSession(database, PrivacyMapper.class, m -> {
            m.markExportEnded(id, state.name().toLowerCase(Locale.ROOT));
            return null;
        });
    }
}
