package org.vitrine.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** A backup archive opened for restoring or verifying: its manifest and its entries, each checked as it is read. */
final class BackupArchive implements AutoCloseable {

    private final ZipFile zip;
    private final BackupManifest manifest;

    private BackupArchive(ZipFile zip, BackupManifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    static BackupArchive open(Path file) throws IOException, RestoreRefusedException {
        if (!Files.isRegularFile(file)) {
            throw new RestoreRefusedException("There is no backup file " + file + ".");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new RestoreRefusedException(file + " is not a Vitrine backup (not a zip archive).");
        }
        try {
            ZipEntry entry = zip.getEntry(BackupManifest.MANIFEST);
            if (entry == null || zip.getEntry(BackupManifest.DATABASE) == null) {
                throw new RestoreRefusedException(file + " is not a Vitrine backup (no " + BackupManifest.MANIFEST + " or "
                        + BackupManifest.DATABASE + ").");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = BackupWriter.JSON.readValue(in, BackupManifest.class);
            } catch (IOException e) {
                throw new RestoreRefusedException(file + ": its manifest cannot be read (" + e.getMessage() + ").");
            }
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new RestoreRefusedException(file + " was written in backup format " + manifest.format()
                        + "; this Vitrine reads format " + BackupManifest.FORMAT + ".");
            }
            return new BackupArchive(zip, manifest);
        } catch (RestoreRefusedException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    BackupManifest manifest() {
        return manifest;
    }

    /** Replays the database into an empty one; returns the SHA-256 of what was replayed. */
    String loadDatabase(Connection c, Progress progress) throws IOException, SQLException {
        MessageDigest sha = BlobFiles.sha256();
        try (BufferedReader sql = new BufferedReader(new InputStreamReader(
                new DigestInputStream(zip.getInputStream(zip.getEntry(BackupManifest.DATABASE)), sha), StandardCharsets.UTF_8))) {
            new DatabaseLoad(progress).load(c, sql);
            while (sql.read() >= 0) {
                // the hash covers the whole entry
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Copies one blob's content to the stream; returns its SHA-256, or null when the archive lacks it. */
    String copyBlob(String key, OutputStream out) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.BLOBS + key);
        if (entry == null) {
            return null;
        }
        MessageDigest sha = BlobFiles.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The blob's content type, from its metadata in the archive. */
    String contentType(String key) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.BLOBS + key + ".meta");
        if (entry == null) {
            return "application/octet-stream";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")[0];
        }
    }

    byte[] config(String name) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.CONFIG + name);
        if (entry == null) {
            throw new IOException("the backup lists the settings file " + name + " but does not hold it");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
