package org.vitrine.core.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.privacy.DataExport;
import org.vitrine.api.privacy.DataExportState;
import org.vitrine.api.privacy.DataExportStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.core.notices.AccountNotices;

/**
 * The right of access and portability: a person asks for the archive of their data, Vitrine writes it in the
 * background (one at a time) and keeps it for {@link #KEPT} days in the blob store, downloadable by them only.
 * One export per {@link #BETWEEN} per account; a failed one does not count. Its owner gets an e-mail when it is ready.
 */
@Component(service = DataExports.class)
public class DataExports {

    static final Duration KEPT = Duration.ofDays(7);
    static final Duration BETWEEN = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(DataExports.class);

    /** An archive ready to stream; the caller closes {@code content}. */
    public record Download(DataExport export, BlobInfo blob, InputStream content) {
    }

    private final DataExportStore store;
    private final ExportArchive archive;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final AccountNotices notices;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vitrine-data-export");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DataExports(@Reference DataExportStore store, @Reference ExportArchive archive, @Reference BlobStore blobs,
                       @Reference AuditLog audit, @Reference AccountNotices notices) {
        this.store = store;
        this.archive = archive;
        this.blobs = blobs;
        this.audit = audit;
        this.notices = notices;
        Instant started = clock.instant();
        writer.execute(() -> failUnfinished(started));
    }

    /**
     * An export being written when Vitrine stopped is lost: fail it so that its owner may ask again at once. Runs
     * first on the writer thread, retrying while the database is still starting; exports asked for since
     * {@code started} are left alone.
     */
    private void failUnfinished(Instant started) {
        for (int attempt = 1; attempt <= 120; attempt++) {
            try {
                for (DataExport unfinished : store.inState(List.of(DataExportState.QUEUED, DataExportState.RUNNING))) {
                    if (unfinished.requestedAt().isBefore(started)) {
                        store.markEnded(unfinished.id(), DataExportState.FAILED);
                    }
                }
                return;
            } catch (DomainException unavailable) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warn("Could not look at unfinished data exports: the database did not answer");
    }

    @Deactivate
    void deactivate() {
        writer.shutdownNow();
    }

    /**
     * Starts an export of the account's data.
     *
     * @throws TooManyRequestsException when the account asked less than 24 hours ago, naming when it may ask again
     */
    public synchronized DataExport request(long accountId, String ip) {
        Instant now = clock.instant();
        for (DataExport previous : store.ofAccount(accountId, 5)) {
            Instant next = previous.requestedAt().plus(BETWEEN);
            if (previous.state() != DataExportState.FAILED && now.isBefore(next)) {
                throw new TooManyRequestsException("One export per 24 hours: the next one can be asked for at " + next + ".",
                        Duration.between(now, next).toSeconds() + 1);
            }
        }
        DataExport export = store.create(accountId, now);
        audit.append(new AuditEvent(now, "account:" + accountId, "data.export", "export:" + export.id(), ip, "success", null));
        writer.execute(() -> write(export));
        return export;
    }

    /** The account's exports, newest first; those past their download period are expired on the way. */
    public List<DataExport> of(long accountId) {
        return store.ofAccount(accountId, 20).stream().map(this::expireIfDue).toList();
    }

    /** One of the account's exports; another account's is not found. */
    public DataExport get(long accountId, long id) {
        return store.find(id).filter(e -> e.accountId() == accountId).map(this::expireIfDue)
                .orElseThrow(() -> DomainException.notFound("You have no export " + id + "."));
    }

    /** Opens the archive of a ready export of the account: 404 for another's, 409 while not ready, 410 once expired. */
    public Download download(long accountId, long id) {
        DataExport export = get(accountId, id);
        if (export.state() == DataExportState.EXPIRED) {
            throw new DomainException(DomainException.Kind.GONE, "This export expired " + KEPT.toDays()
                    + " days after it was ready; ask for a new one.");
        }
        if (export.state() != DataExportState.READY) {
            throw DomainException.conflict("This export is " + export.state().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not ready yet.");
        }
        try {
            BlobInfo info = blobs.info(export.blob()).orElseThrow(() -> gone(export));
            InputStream content = blobs.open(export.blob()).orElseThrow(() -> gone(export));
            return new Download(export, info, content);
        } catch (IOException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The archive cannot be read right now.");
        }
    }

    private DomainException gone(DataExport export) {
        store.markEnded(export.id(), DataExportState.EXPIRED);
        return new DomainException(DomainException.Kind.GONE, "The archive of this export is no longer kept.");
    }

    private DataExport expireIfDue(DataExport export) {
        if (export.state() != DataExportState.READY || !export.expiredAt(clock.instant())) {
            return export;
        }
        remove(export.blob());
        store.markEnded(export.id(), DataExportState.EXPIRED);
        return store.find(export.id()).orElse(export);
    }

    private void write(DataExport export) {
        Path temp = null;
        try {
            store.markRunning(export.id());
            temp = Files.createTempFile("vitrine-export", ".zip");
            try (OutputStream out = Files.newOutputStream(temp)) {
                archive.write(export.accountId(), out);
            }
            BlobKey key = BlobKey.derive("data-export", Long.toString(export.id()), export.requestedAt().toString());
            try (InputStream in = Files.newInputStream(temp)) {
                blobs.put(key, "application/zip", in);
            }
            Instant ready = clock.instant();
            store.markReady(export.id(), key, ready, ready.plus(KEPT));
            notices.exportReady(export.accountId(), ready.plus(KEPT));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Data export {} failed: {}", export.id(), e.toString());
            store.markEnded(export.id(), DataExportState.FAILED);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    private void remove(BlobKey blob) {
        if (blob == null) {
            return;
        }
        try {
            blobs.delete(blob);
        } catch (IOException e) {
            LOG.warn("Could not remove an expired export archive: {}", e.toString());
        }
    }
}
