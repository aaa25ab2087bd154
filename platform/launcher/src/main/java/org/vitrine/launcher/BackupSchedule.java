package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled backups, written by the running launcher (settings {@code backup.every}, {@code backup.dir},
 * {@code backup.keep}): one backup every period, the first one period after start; after each, only the newest
 * {@code backup.keep} scheduled backups are kept. Scheduled backups never include the secret key. Each result is logged;
 * a failure is logged as an error and the schedule goes on.
 */
final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final Settings settings;
    private final DatabaseAccess db;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitrine-backup");
        t.setDaemon(true);
        return t;
    });

    private BackupSchedule(Settings settings, DatabaseAccess db) {
        this.settings = settings;
        this.db = db;
    }

    /** Starts the schedule when the settings ask for one; null otherwise. */
    static BackupSchedule start(Settings settings, String dbUrl, String dbUser, String dbPassword) {
        BackupSettings backup = settings.backup();
        if (!backup.scheduled()) {
            return null;
        }
        BackupSchedule schedule = new BackupSchedule(settings, DatabaseAccess.of(dbUrl, dbUser, dbPassword, settings.embeddedDatabase()));
        long period = backup.every().toSeconds();
        schedule.timer.scheduleWithFixedDelay(schedule::runOnce, period, period, TimeUnit.SECONDS);
        LOG.info("Backups scheduled every {} into {}, keeping {}", backup.every(), backup.dir(), backup.keep());
        return schedule;
    }

    void runOnce() {
        BackupSettings backup = settings.backup();
        Path file = backup.newFile();
        long begin = System.nanoTime();
        try (Connection c = db.connect()) {
            BackupManifest manifest = new BackupWriter(settings, Progress.SILENT).write(file, c, db.kind(), null);
            LOG.info("Scheduled backup written: {} ({} bytes, {} tables, {} blobs) in {} ms", file, Files.size(file),
                    manifest.tables().size(), manifest.blobs().size(), (System.nanoTime() - begin) / 1_000_000);
            prune(backup);
        } catch (Exception | OutOfMemoryError e) {
            LOG.error("Scheduled backup to {} failed", file, e);
        }
    }

    /**
     * Deletes the oldest scheduled backups beyond the number to keep (names sort by time), and what interrupted
     * backups left (a day old or more: nothing is still writing it).
     */
    static List<Path> prune(BackupSettings backup) throws IOException {
        List<Path> all;
        List<Path> interrupted;
        try (Stream<Path> files = Files.list(backup.dir())) {
            List<Path> listed = files.toList();
            all = listed.stream().filter(f -> f.getFileName().toString().matches(BackupSettings.PREFIX + "\\d{8}T\\d{6}Z\\.zip"))
                    .sorted().toList();
            interrupted = listed.stream().filter(f -> f.getFileName().toString().matches("\\." + BackupSettings.PREFIX + ".*\\.partial"))
                    .toList();
        }
        java.nio.file.attribute.FileTime dayAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        for (Path f : interrupted) {
            if (Files.getLastModifiedTime(f).compareTo(dayAgo) < 0) {
                Files.deleteIfExists(f);
                LOG.info("Left over by an interrupted backup, deleted: {}", f);
            }
        }
        List<Path> old = all.subList(0, Math.max(0, all.size() - backup.keep()));
        for (Path f : old) {
            Files.deleteIfExists(f);
            LOG.info("Old backup deleted: {}", f);
        }
        return old;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
