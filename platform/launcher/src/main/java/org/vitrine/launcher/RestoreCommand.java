package org.vitrine.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code vitrine restore FILE}: puts a backup into an installation whose data folder and database are empty (a new
 * machine, or after a loss), refusing anything else with a message and without changing it. Vitrine must be stopped.
 *
 * <p>Blobs are unpacked into a side folder and checked against the manifest's SHA-256 first, then the database is
 * replayed and checked against the manifest's row counts; only then do the blobs move into place. A failure on the way
 * removes what was written, so the target is left empty as it was. Settings files from the backup replace those in
 * {@code config/} (the replaced ones are kept as {@code NAME.before-restore}), except {@code vitrine.properties},
 * which describes this machine (addresses, database): the backup's copy is put beside it as
 * {@code vitrine.properties.from-backup} to compare.
 */
final class RestoreCommand {

    static final String KEY_FILE = "secret.key";
    static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(properties|xml|json)");
    static final String MACHINE_SETTINGS = SettingsLoader.FILE_NAME;

    private final Settings settings;
    private final PrintStream out;
    private final Progress progress;

    RestoreCommand(Settings settings, PrintStream out, PrintStream progress) {
        this.settings = settings;
        this.out = out;
        this.progress = new Progress(progress);
    }

    int run(List<String> args) throws Exception {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            out.println("usage: vitrine restore FILE   (into an empty data folder or empty database; Vitrine stopped)");
            return 2;
        }
        Path file = Path.of(args.get(0)).toAbsolutePath();
        try (BackupArchive archive = BackupArchive.open(file);
             DataDirLock lock = lockStopped()) {
            restore(archive);
            return 0;
        } catch (RestoreRefusedException e) {
            out.println("Restore refused: " + e.getMessage());
            return 1;
        }
    }

    private DataDirLock lockStopped() throws IOException, RestoreRefusedException {
        try {
            return DataDirLock.acquire(settings.layout().lockFile());
        } catch (InvalidSettingsException running) {
            throw new RestoreRefusedException("Vitrine is running on " + settings.layout().data()
                    + ". Stop it, then restore into an empty data folder; nothing was changed.");
        }
    }

    private void restore(BackupArchive archive) throws Exception {
        BackupManifest manifest = archive.manifest();
        Layout layout = settings.layout();
        Path keyFile = layout.data().resolve(KEY_FILE);
        BlobFiles blobs = new BlobFiles(layout.blobs());
        if (Files.exists(keyFile) || blobs.hasAnyFile()) {
            throw new RestoreRefusedException("The data folder " + layout.data() + " is not empty (it holds "
                    + (Files.exists(keyFile) ? "a secret key" : "blobs") + "). Restore into an empty data folder; nothing was changed.");
        }
        byte[] key = openKey(manifest);
        if (!manifest.vitrineVersion().equals(BackupManifest.currentVersion())) {
            out.println("Note: the backup was written by Vitrine " + manifest.vitrineVersion() + ", this is Vitrine "
                    + BackupManifest.currentVersion() + ". Restore with the same version or a newer one: a newer one brings the "
                    + "schema up to date when it starts, an older one cannot read a newer schema.");
        }
        out.println("Restoring the backup of " + manifest.createdAt() + " (Vitrine " + manifest.vitrineVersion() + ", schema "
                + manifest.schemaVersion() + ") into " + layout.data());
        Path staging = layout.data().resolve(".blobs-restoring");
        try (DatabaseAccess db = settings.embeddedDatabase() ? DatabaseAccess.embedded(layout.db()) : DatabaseAccess.of(settings, false);
             Connection c = db.connect()) {
            DatabaseLoad.requireEmpty(c, db.describe());
            try {
                unpackBlobs(archive, staging);
                String hash = archive.loadDatabase(c, progress);
                List<String> problems = BackupVerifier.compareDatabase(manifest, hash, DatabaseLoad.rowCounts(c));
                if (!problems.isEmpty()) {
                    throw new RestoreRefusedException("the database in the backup does not match its manifest: "
                            + String.join("; ", problems) + ". Nothing was kept.");
                }
                BlobReferences.align(c, listed(manifest.blobsReplaced()), manifest.blobs());
            } catch (Exception e) {
                dropTables(c);
                deleteTree(staging);
                throw e;
            }
        }
        deleteTree(layout.blobs());
        Files.createDirectories(layout.data());
        Files.move(staging, layout.blobs(), StandardCopyOption.ATOMIC_MOVE);
        if (key != null) {
            OwnerOnlyFile.write(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
            Arrays.fill(key, (byte) 0);
        }
        restoreConfig(archive, manifest);
        out.println("Restored " + manifest.tables().values().stream().mapToLong(Long::longValue).sum() + " rows in "
                + manifest.tables().size() + " tables and " + manifest.blobs().size() + " blobs.");
        if (manifest.blobsReplaced() != null) {
            out.println("Note: " + manifest.blobsReplaced().size() + " previews were replaced while the backup ran: the newer "
                    + "pictures are restored.");
        }
        if (manifest.blobsMissing() != null) {
            out.println("Note: " + manifest.blobsMissing().size() + " blobs were deleted while the backup ran and are not in it.");
        }
        if (manifest.secretKey() == null) {
            explainMissingKey(manifest);
        }
        out.println("Start Vitrine (vitrine run) to use it.");
    }

    /** The key from the backup, when it holds one; refuses before anything changed when it cannot be used. */
    private byte[] openKey(BackupManifest manifest) throws RestoreRefusedException {
        if (manifest.secretKey() == null) {
            return null;
        }
        if (!settings.secretKey().isEmpty()) {
            String configured = KeyEnvelope.fingerprint(Base64.getDecoder().decode(settings.secretKey()));
            if (!configured.equals(manifest.keyFingerprint())) {
                throw new RestoreRefusedException("VITRINE_SECRET_KEY (secret.key) is set to another key than the one this "
                        + "backup's secrets were sealed with: unset it, so that the backup's key is restored into the data "
                        + "folder, or set it to the original key. Nothing was changed.");
            }
            return null;
        }
        char[] passphrase = Passphrase.forOpening();
        try {
            return manifest.secretKey().open(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private void explainMissingKey(BackupManifest manifest) {
        Optional<String> configured = settings.secretKey().isEmpty() ? Optional.empty()
                : Optional.of(KeyEnvelope.fingerprint(Base64.getDecoder().decode(settings.secretKey())));
        if (manifest.keyFingerprint() == null || configured.filter(manifest.keyFingerprint()::equals).isPresent()) {
            return;
        }
        out.println("This backup does not hold the secret key (fingerprint " + manifest.keyFingerprint() + "). Before you start "
                + "Vitrine, set VITRINE_SECRET_KEY to the original key or copy the original " + KEY_FILE + " into "
                + settings.layout().data() + ": without it, two-factor sign-in of the restored accounts cannot work.");
    }

    private void unpackBlobs(BackupArchive archive, Path staging) throws IOException, RestoreRefusedException {
        BlobFiles target = new BlobFiles(staging);
        int n = 0;
        for (Map.Entry<String, BackupManifest.Blob> blob : archive.manifest().blobs().entrySet()) {
            String key = blob.getKey();
            if (!BlobFiles.KEY.matcher(key).matches()) {
                throw new RestoreRefusedException("the manifest names a blob '" + key + "' that is not a blob key.");
            }
            Path content = target.content(key);
            Files.createDirectories(content.getParent());
            String hash;
            try (OutputStream o = Files.newOutputStream(content)) {
                hash = archive.copyBlob(key, o);
            }
            if (!blob.getValue().sha256().equals(hash)) {
                throw new RestoreRefusedException("blob " + key + (hash == null ? " is missing from the archive"
                        : " does not have the SHA-256 its manifest gives (the archive was altered or damaged)") + ".");
            }
            Files.writeString(target.meta(key), BlobFiles.metaText(archive.contentType(key), hash), StandardCharsets.UTF_8);
            progress.every("blobs: " + ++n + "/" + archive.manifest().blobs().size());
        }
        Files.createDirectories(staging);
        progress.line("blobs: " + archive.manifest().blobs().size() + " restored");
    }

    private void restoreConfig(BackupArchive archive, BackupManifest manifest) throws IOException {
        Path folder = settings.layout().config();
        Files.createDirectories(folder);
        for (String name : manifest.config()) {
            if (!CONFIG_NAME.matcher(name).matches()) {
                out.println("Skipped the settings file '" + name + "' of the backup: not a settings file name.");
                continue;
            }
            byte[] content = archive.config(name);
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                continue;
            }
            if (name.equals(MACHINE_SETTINGS)) {
                Files.write(folder.resolve(name + ".from-backup"), content);
                out.println("config/" + name + " describes this machine and was kept; the backup's copy is config/" + name
                        + ".from-backup: compare them.");
                continue;
            }
            if (Files.isRegularFile(file)) {
                Files.copy(file, folder.resolve(name + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path temp = folder.resolve("." + name + ".restoring");
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        progress.line("config: " + manifest.config().size() + " files");
    }

    private static void dropTables(Connection c) {
        try (Statement s = c.createStatement()) {
            c.rollback();
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : DatabaseDump.tables(c)) {
                s.execute("DROP TABLE " + DatabaseDump.quoteName(table));
            }
            c.commit();
        } catch (SQLException e) {
            // the refusal message is what matters; the operator empties the database by hand
        }
    }

    static List<String> listed(List<String> keys) {
        return keys == null ? List.of() : keys;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
