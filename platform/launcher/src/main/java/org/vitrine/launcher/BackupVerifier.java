package org.vitrine.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code vitrine backup --verify FILE}: proves that a backup can be restored. The database is replayed into a
 * scratch embedded MariaDB in a temporary folder (never the installation's) and its row counts and schema version are
 * compared with the manifest, and every row that refers to a blob must find it with the ETag it records; every blob is
 * read back and its SHA-256 compared; the sealed key is opened when
 * {@value Passphrase#ENV} is set. Each difference is named.
 */
final class BackupVerifier {

    private final Settings settings;
    private final Progress progress;

    BackupVerifier(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The problems found; empty when the backup restores as its manifest says. */
    List<String> verify(BackupArchive archive) throws Exception {
        BackupManifest manifest = archive.manifest();
        List<String> problems = new ArrayList<>(checkBlobs(archive));
        // beside the data rather than in the temp folder, which the embedded-database library treats as throw-away
        Files.createDirectories(settings.layout().data());
        Path scratch = Files.createTempDirectory(settings.layout().data(), ".verify-");
        try {
            shareServerFiles(scratch);
            try (DatabaseAccess db = DatabaseAccess.embedded(scratch); Connection c = db.connect()) {
                progress.line("database: restoring into a scratch database");
                String hash = archive.loadDatabase(c, progress);
                problems.addAll(compareDatabase(manifest, hash, DatabaseLoad.rowCounts(c)));
                BlobReferences.align(c, RestoreCommand.listed(manifest.blobsReplaced()), manifest.blobs());
                problems.addAll(BlobReferences.mismatches(c, manifest.blobs(), RestoreCommand.listed(manifest.blobsMissing())));
                String schema = DatabaseDump.schemaVersion(c, DatabaseLoad.rowCounts(c).keySet());
                if (!Objects.equals(schema, manifest.schemaVersion())) {
                    problems.add("schema version " + schema + " restored, the manifest says " + manifest.schemaVersion());
                }
            }
        } finally {
            RestoreCommand.deleteTree(scratch);
        }
        if (manifest.secretKey() != null && System.getenv(Passphrase.ENV) != null) {
            try {
                byte[] key = manifest.secretKey().open(Passphrase.forOpening());
                if (!KeyEnvelope.fingerprint(key).equals(manifest.keyFingerprint())) {
                    problems.add("the sealed secret key is not the key the data was sealed with");
                }
            } catch (RestoreRefusedException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Differences between a restored database and the manifest. */
    static List<String> compareDatabase(BackupManifest manifest, String dumpHash, Map<String, Long> restored) {
        List<String> problems = new ArrayList<>();
        if (!dumpHash.equals(manifest.databaseSha256())) {
            problems.add(BackupManifest.DATABASE + " does not have the SHA-256 the manifest gives (altered or damaged)");
        }
        for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
            Long rows = restored.get(table.getKey());
            if (rows == null) {
                problems.add("table " + table.getKey() + " is missing after the restore");
            } else if (!rows.equals(table.getValue())) {
                problems.add("table " + table.getKey() + ": " + rows + " rows restored, the manifest says " + table.getValue());
            }
        }
        for (String table : restored.keySet()) {
            if (!manifest.tables().containsKey(table)) {
                problems.add("table " + table + " is restored but not in the manifest");
            }
        }
        return problems;
    }

    private List<String> checkBlobs(BackupArchive archive) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, BackupManifest.Blob> blobs = archive.manifest().blobs();
        int n = 0;
        for (Map.Entry<String, BackupManifest.Blob> blob : blobs.entrySet()) {
            String hash = archive.copyBlob(blob.getKey(), OutputStream.nullOutputStream());
            if (hash == null) {
                problems.add("blob " + blob.getKey() + " is missing from the archive");
            } else if (!hash.equals(blob.getValue().sha256())) {
                problems.add("blob " + blob.getKey() + " does not have the SHA-256 the manifest gives (altered or damaged)");
            }
            progress.every("blobs: " + ++n + "/" + blobs.size() + " checked");
        }
        progress.line("blobs: " + blobs.size() + " checked");
        return problems;
    }

    /** The scratch server runs from the installation's unpacked server files when there are some, instead of unpacking its own. */
    private void shareServerFiles(Path scratch) throws IOException {
        Path base = settings.layout().db().resolve("base");
        if (Files.isRegularFile(base.resolve("bin/mariadbd")) || Files.isRegularFile(base.resolve("bin/mysqld"))) {
            Files.createSymbolicLink(scratch.resolve("base"), base);
        }
    }
}
