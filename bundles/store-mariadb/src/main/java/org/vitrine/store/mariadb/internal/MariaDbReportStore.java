package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.moderation.NewReport;
import org.vitrine.api.moderation.Report;
import org.vitrine.api.moderation.ReportState;
import org.vitrine.api.moderation.ReportStore;

/** Moderation reports in the {@code reports} table. */
@Component
public class MariaDbReportStore implements ReportStore {

    private final Database database;

    @Activate
    public MariaDbReportStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public long add(NewReport report) {
        ReportRow row = ReportRow.of(Objects.requireNonNull(report, "report"));
        MapperSessions.inSession(database, ReportMapper.class, m -> {
            m.insert(row);
            return null;
        });
        return row.getId();
    }

    @Override
    public List<Report> queue(ReportState state, Long after, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        String column = state.name().toLowerCase(Locale.ROOT);
        return MapperSessions.inSession(database, ReportMapper.class, m -> m.queue(column, after, limit))
                .stream().map(ReportRow::toReport).toList();
    }

    @Override
    public Optional<Report> find(long id) {
        return Optional.ofNullable(MapperSessions.inSession(database, ReportMapper.class, m -> m.byId(id)))
                .map(ReportRow::toReport);
    }

    @Override
    public boolean close(long id, Long closedBy, String note, Instant at) {
        return MapperSessions.inSession(database, ReportMapper.class,
                m -> m.close(id, closedBy, note, UtcTimes.toColumn(Objects.requireNonNull(at, "at")))) > 0;
    }
}
