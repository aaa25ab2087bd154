package org.vitrine.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes one backup archive (a zip file) while Vitrine keeps serving and writing: the database as of one consistent
 * snapshot ({@link DatabaseDump}), then the blobs, the settings files and the manifest; the secret key only when a
 * passphrase is given, and then sealed with it ({@link KeyEnvelope}).
 *
 * <p>Blobs are copied after the snapshot was taken, so every blob the snapshot refers to already exists; one replaced
 * meanwhile is copied as it is now, with its metadata recomputed from the copied content; one deleted meanwhile
 * (an erased account's previews, an expired data export) is listed in the manifest as missing; one replaced
 * meanwhile (a document imported again) is listed too ({@link BlobReferences}). The archive is written
 * beside its final name and renamed into place when complete, readable by its owner only: it holds personal data.
 */
final class BackupWriter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Settings settings;
    private final Progress progress;

    BackupWriter(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Writes the archive; the passphrase, when given, seals the secret key into it. */
    BackupManifest write(Path file, Connection db, String databaseKind, char[] passphrase) throws IOException, SQLException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".partial",
                PosixFilePermissions.asFileAttribute(OwnerOnlyFile.PERMISSIONS));
        try {
            BackupManifest manifest;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                manifest = writeEntries(zip, db, databaseKind, passphrase);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private BackupManifest writeEntries(ZipOutputStream zip, Connection db, String databaseKind, char[] passphrase)
            throws IOException, SQLException {
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        zip.putNextEntry(new ZipEntry(BackupManifest.DATABASE));
        MessageDigest dumpHash = BlobFiles.sha256();
        Writer sql = new OutputStreamWriter(new DigestOutputStream(new KeepOpen(zip), dumpHash), StandardCharsets.UTF_8);
        DatabaseDump.Result dump = new DatabaseDump(progress).write(db, sql);
        sql.flush();
        zip.closeEntry();
        Map<String, BackupManifest.Blob> blobs = copyBlobs(zip);
        List<String> missing = dump.blobEtags().keySet().stream().filter(k -> !blobs.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            progress.line("blobs: " + missing.size() + " the database refers to were deleted before they could be copied");
        }
        List<String> replaced = BlobReferences.replaced(dump.blobEtags(), blobs);
        if (!replaced.isEmpty()) {
            progress.line("blobs: " + replaced.size() + " were replaced after the snapshot; the newer content is kept");
        }
        List<String> config = copyConfig(zip);
        Optional<byte[]> key = secretKey();
        KeyEnvelope envelope = null;
        if (passphrase != null) {
            if (key.isEmpty()) {
                throw new IOException("There is no secret key to include yet (Vitrine generates it at its first start).");
            }
            progress.line("secret key: sealed with the passphrase");
            envelope = KeyEnvelope.seal(key.get(), passphrase);
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.currentVersion(), createdAt,
                databaseKind, dump.schemaVersion(), dump.rows(), HexFormat.of().formatHex(dumpHash.digest()), blobs,
                missing.isEmpty() ? null : missing, replaced.isEmpty() ? null : replaced, config, key.map(KeyEnvelope::fingerprint).orElse(null), envelope);
        zip.putNextEntry(new ZipEntry(BackupManifest.MANIFEST));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        return manifest;
    }

    private Map<String, BackupManifest.Blob> copyBlobs(ZipOutputStream zip) throws IOException {
        BlobFiles files = new BlobFiles(settings.layout().blobs());
        List<String> keys = files.keys();
        Map<String, BackupManifest.Blob> copied = new TreeMap<>();
        long bytes = 0;
        int n = 0;
        for (String key : keys) {
            n++;
            String contentType;
            try {
                contentType = Files.readString(files.meta(key), StandardCharsets.UTF_8).split("\n")[0];
            } catch (NoSuchFileException deleted) {
                continue;
            }
            InputStream in;
            try {
                in = Files.newInputStream(files.content(key));
            } catch (NoSuchFileException deleted) {
                continue;
            }
            MessageDigest sha = BlobFiles.sha256();
            long size;
            try (in) {
                zip.putNextEntry(new ZipEntry(BackupManifest.BLOBS + key));
                size = in.transferTo(new DigestOutputStream(new KeepOpen(zip), sha));
                zip.closeEntry();
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            zip.putNextEntry(new ZipEntry(BackupManifest.BLOBS + key + ".meta"));
            zip.write(BlobFiles.metaText(contentType, hash).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            copied.put(key, new BackupManifest.Blob(hash, size));
            bytes += size;
            progress.every("blobs: " + n + "/" + keys.size() + " (" + Progress.bytes(bytes) + ")");
        }
        progress.line("blobs: " + copied.size() + "/" + keys.size() + " (" + Progress.bytes(bytes) + ")");
        return copied;
    }

    private List<String> copyConfig(ZipOutputStream zip) throws IOException {
        List<String> names = new ArrayList<>();
        Path folder = settings.layout().config();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!RestoreCommand.CONFIG_NAME.matcher(name).matches()) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(BackupManifest.CONFIG + name));
                Files.copy(f, zip);
                zip.closeEntry();
                names.add(name);
            }
        }
        progress.line("config: " + names.size() + " files");
        return names;
    }

    /** The key that seals secrets at rest: the configured one, or {@code data/secret.key}; empty before the first start. */
    Optional<byte[]> secretKey() throws IOException {
        if (!settings.secretKey().isEmpty()) {
            return Optional.of(Base64.getDecoder().decode(settings.secretKey()));
        }
        Path file = settings.layout().data().resolve(RestoreCommand.KEY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Base64.getDecoder().decode(Files.readString(file).trim()));
    }

    /** Lets a writer be closed or flushed without closing the zip entry stream under it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
