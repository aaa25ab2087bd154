package org.vitrine.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vitrine backup [--with-key] [FILE]} writes a backup while Vitrine runs (or while it is stopped);
 * {@code vitrine backup --verify FILE} checks one by restoring it into a scratch database. Progress goes to standard
 * error, the result to standard output.
 */
final class BackupCommand {

    static final String USAGE = "usage: vitrine backup [--with-key] [FILE]    write a backup (default: backup.dir/vitrine-manual-<time>.zip)\n"
            + "       vitrine backup --verify FILE          restore it into a scratch database and compare";

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws Exception {
        List<String> rest = new ArrayList<>(args);
        boolean verify = rest.remove("--verify");
        boolean withKey = rest.remove("--with-key");
        if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("-")) || (verify && (withKey || rest.size() != 1))) {
            out.println(USAGE);
            return 2;
        }
        try {
            if (verify) {
                return verify(Path.of(rest.get(0)).toAbsolutePath());
            }
            Path file = rest.isEmpty() ? settings.backup().newManualFile() : Path.of(rest.get(0)).toAbsolutePath();
            return backup(file, withKey);
        } catch (RestoreRefusedException e) {
            out.println("Backup refused: " + e.getMessage());
            return 1;
        }
    }

    private int backup(Path file, boolean withKey) throws Exception {
        if (Files.isDirectory(file)) {
            out.println("Backup refused: " + file + " is a folder; give a file name.");
            return 1;
        }
        char[] passphrase = withKey ? Passphrase.forSealing() : null;
        DataDirLock lock = null;
        boolean running = DataDirLock.running(settings.layout().lockFile()).isPresent();
        if (!running && settings.embeddedDatabase()) {
            try {
                lock = DataDirLock.acquire(settings.layout().lockFile());
            } catch (InvalidSettingsException startedMeanwhile) {
                running = true;
            }
        }
        try (DatabaseAccess db = DatabaseAccess.of(settings, lock != null); Connection c = db.connect()) {
            err.println("Backing up " + (running ? "the running Vitrine" : "Vitrine (stopped)") + " to " + file);
            BackupManifest manifest = new BackupWriter(settings, new Progress(err)).write(file, c, db.kind(), passphrase);
            out.println("Backup written: " + file + " (" + Progress.bytes(Files.size(file)) + "; "
                    + manifest.tables().values().stream().mapToLong(Long::longValue).sum() + " rows, " + manifest.blobs().size()
                    + " blobs, secret key " + (manifest.secretKey() != null ? "included, sealed with the passphrase" : "not included") + ")");
            return 0;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            if (lock != null) {
                lock.close();
            }
        }
    }

    private int verify(Path file) throws Exception {
        try (BackupArchive archive = BackupArchive.open(file)) {
            BackupManifest m = archive.manifest();
            err.println("Verifying " + file + " (backup of " + m.createdAt() + ", Vitrine " + m.vitrineVersion() + ")");
            List<String> problems = new BackupVerifier(settings, new Progress(err)).verify(archive);
            if (problems.isEmpty()) {
                out.println("Backup verified: " + m.tables().size() + " tables and " + m.blobs().size()
                        + " blobs restore as the manifest says; secret key " + (m.secretKey() == null ? "not included"
                        : System.getenv(Passphrase.ENV) != null ? "included and opens" : "included (set " + Passphrase.ENV + " to check it)") + ".");
                return 0;
            }
            out.println("Backup verification FAILED for " + file + ":");
            problems.forEach(p -> out.println("  - " + p));
            return 1;
        }
    }
}
