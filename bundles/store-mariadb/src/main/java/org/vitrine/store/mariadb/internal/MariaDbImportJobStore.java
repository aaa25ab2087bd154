package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;
import org.vitrine.api.problem.DomainException;

/**
 * Import jobs in the {@code import_jobs} and {@code import_job_items} tables. A job and its items are created
 * in one transaction; updates to a job or an item that does not exist fail with NOT_FOUND. Texts longer than
 * their columns (an item's error, a job's reason) are cut, so recording a failure never fails itself.
 */
@Component
public class MariaDbImportJobStore implements ImportJobStore {

    private static final int ERROR_LENGTH = 1000;
    private static final int REASON_LENGTH = 255;

    private final Database database;

    @Activate
    public MariaDbImportJobStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public ImportJob create(long accountId, String provider, List<Source> sources, String termsVersion) {
        LocalDateTime now = UtcTimes.now();
        ImportJobRow job = ImportJobRow.queued(accountId, provider, sources.size(), termsVersion, now);
        List<ImportItemRow> items = sources.stream().map(s -> ImportItemRow.pending(s, now)).toList();
        return MapperSessions.inTransaction(database, ImportJobMapper.class, m -> {
            m.insertJob(job);
            if (!items.isEmpty()) {
                m.insertItems(job.getId(), items);
            }
            return m.byId(job.getId()).toJob();
        });
    }

    @Override
    public Optional<ImportJob> find(long jobId) {
        return Optional.ofNullable(MapperSessions.inSession(database, ImportJobMapper.class, m -> m.byId(jobId)))
                .map(ImportJobRow::toJob);
    }

    @Override
    public List<ImportJob> recentOf(long accountId, int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be from 1 to 100, was " + limit);
        }
        return MapperSessions.inSession(database, ImportJobMapper.class, m -> m.recentOf(accountId, limit)).stream()
                .map(ImportJobRow::toJob).toList();
    }

    @Override
    public List<ImportJob> page(Long before, int limit) {
        if (limit < 1 || limit > 201) {
            throw new IllegalArgumentException("limit must be from 1 to 201, was " + limit);
        }
        return MapperSessions.inSession(database, ImportJobMapper.class, m -> m.page(before, limit)).stream()
                .map(ImportJobRow::toJob).toList();
    }

    @Override
    public List<ImportJob> unfinished() {
        return MapperSessions.inSession(database, ImportJobMapper.class, ImportJobMapper::unfinished).stream()
                .map(ImportJobRow::toJob).toList();
    }

    @Override
    public void updateItem(long itemId, ImportJob.ItemState state, String error, Long documentId) {
        Objects.requireNonNull(state, "state");
        int attempt = state == ImportJob.ItemState.RUNNING ? 1 : 0;
        int matched = MapperSessions.inSession(database, ImportJobMapper.class, m -> m.updateItem(itemId,
                AccountRow.dbName(state), cut(error, ERROR_LENGTH), documentId, attempt, UtcTimes.now()));
        if (matched == 0) {
            throw DomainException.notFound("There is no import item with id " + itemId + ".");
        }
    }

    @Override
    public int retryFailed(long jobId) {
        LocalDateTime now = UtcTimes.now();
        return MapperSessions.inTransaction(database, ImportJobMapper.class, m ->
                m.requeueWithFailedItems(jobId, now) == 0 ? 0 : m.resetFailedItems(jobId, now));
    }

    @Override
    public void updateJob(long jobId, ImportJob.JobState state, String reason) {
        Objects.requireNonNull(state, "state");
        LocalDateTime now = UtcTimes.now();
        boolean finished = state == ImportJob.JobState.COMPLETED || state == ImportJob.JobState.FAILED;
        int matched = MapperSessions.inSession(database, ImportJobMapper.class, m -> m.updateJob(jobId,
                AccountRow.dbName(state), cut(reason, REASON_LENGTH), now, finished ? now : null));
        if (matched == 0) {
            throw DomainException.notFound("There is no import job with id " + jobId + ".");
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    @Override
    public StateCounts stateCounts() {
        return MapperSessions.inSession(database, ImportJobMapper.class, m -> new StateCounts(
                counts(m.jobStates(), ImportJob.JobState.class), counts(m.itemStates(), ImportJob.ItemState.class)));
    }

    private static <S extends Enum<S>> Map<S, Long> counts(List<StateCountRow> rows, Class<S> states) {
        Map<S, Long> counts = new EnumMap<>(states);
        for (StateCountRow row : rows) {
            counts.put(Enum.valueOf(states, row.getState().toUpperCase(Locale.ROOT)), row.getCount());
        }
        return counts;
    }
}
