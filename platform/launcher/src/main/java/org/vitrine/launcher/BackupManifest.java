package org.vitrine.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code manifest.json} of a backup archive: what it holds and how to check it.
 *
 * @param format         archive format, {@value #FORMAT}
 * @param vitrineVersion the Vitrine that wrote it
 * @param createdAt      when the database snapshot was taken (UTC, ISO-8601)
 * @param database       {@code embedded} or {@code external}: where the data came from
 * @param schemaVersion  the schema version the migrations had reached
 * @param tables         rows per table in the snapshot
 * @param databaseSha256 SHA-256 of {@value #DATABASE}
 * @param blobs          every blob in the archive: key, SHA-256 and size
 * @param blobsMissing   blobs the snapshot refers to that were deleted before they could be copied
 * @param blobsReplaced  blobs whose content was replaced after the snapshot (a document imported again): the archive
 *                       holds the newer content, and a restore makes the rows describe it ({@link BlobReferences})
 * @param config         the settings files in the archive
 * @param keyFingerprint the secret key's fingerprint (a hash prefix, as Vitrine stores it beside sealed values)
 * @param secretKey      the key sealed with a passphrase; null when the backup was made without it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record BackupManifest(int format, String vitrineVersion, String createdAt, String database, String schemaVersion,
                      Map<String, Long> tables, String databaseSha256, Map<String, Blob> blobs, List<String> blobsMissing,
                      List<String> blobsReplaced, List<String> config, String keyFingerprint, KeyEnvelope secretKey) {

    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    static final String DATABASE = "database.sql";
    static final String BLOBS = "blobs/";
    static final String CONFIG = "config/";

    /** @param sha256 of the content, hex; @param size in bytes */
    record Blob(String sha256, long size) {
    }

    /** The version of this launcher, from its Maven metadata. */
    static String currentVersion() {
        try (InputStream in = BackupManifest.class.getResourceAsStream("/META-INF/maven/org.vitrine/vitrine-launcher/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // unknown below
        }
        return "unknown";
    }
}
