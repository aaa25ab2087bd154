package org.vitrine.launcher;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vitrine's one way of stopping, whatever asks for it (Ctrl-C, SIGTERM, a failed start, an embedded database that keeps
 * dying): the HTTP server stops accepting connections and finishes the requests it has received (within
 * {@code stop.grace.seconds}); then the modules and the framework stop; then the embedded database, which everything
 * before still used; last the data folder's lock is released. It runs once: a second caller waits for the first.
 * The parts are handed over as they start, so a stop during start-up stops what is running.
 */
final class OrderedStop {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedStop.class);

    private final Duration grace;
    private final DataDirLock lock;
    private Platform platform;
    private DatabaseSupervisor supervisor;
    private EmbeddedDatabase database;
    private BackupSchedule backups;
    private boolean done;

    OrderedStop(Duration grace, DataDirLock lock) {
        this.grace = grace;
        this.lock = lock;
    }

    synchronized void database(EmbeddedDatabase embedded) {
        this.database = embedded;
    }

    synchronized void supervisor(DatabaseSupervisor watching) {
        this.supervisor = watching;
    }

    /** The scheduled backups, if any: they stop first (a backup under way is abandoned, its partial file removed later). */
    synchronized void backups(BackupSchedule schedule) {
        this.backups = schedule;
    }

    synchronized void platform(Platform started) {
        this.platform = started;
    }

    /** Whether the stop has run (or is running). */
    synchronized boolean done() {
        return done;
    }

    synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        long begin = System.nanoTime();
        LOG.info("Stopping Vitrine");
        if (backups != null) {
            backups.close();
        }
        if (platform != null) {
            platform.drainHttp(grace);
            platform.stop();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        if (database != null) {
            LOG.info("Stopping the embedded database");
            database.close();
            LOG.info("Embedded database stopped");
        }
        try {
            lock.close();
        } catch (IOException e) {
            // the OS releases the lock with the process anyway
        }
        LOG.info("Vitrine stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }
}
