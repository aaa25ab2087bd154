package org.vitrine.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Puts catalog rows straight into an instance's database, as an import would leave them, so that catalog
 * scenarios need no provider: documents, designers and their credits, and import jobs.
 */
final class CatalogSeed {

    private CatalogSeed() {
    }

    /** A designer of the fake provider {@code onshape}; returns its id. */
    static long designer(VitrineInstance vitrine, String name) throws Exception {
        return insert(vitrine, "INSERT INTO designers (provider, external_id, display_name, created_at, updated_at) "
                + "VALUES ('onshape', ?, ?, ?, ?)", UUID.randomUUID().toString(), name, now(), now());
    }

    /** A public (or disabled) document with the given importer (or null) and licence; returns its id. */
    static long document(VitrineInstance vitrine, String name, Long importedBy, String licence, boolean isPublic) throws Exception {
        return insert(vitrine, "INSERT INTO documents (provider, external_id, name, description, licence, imported_by, status, "
                        + "created_at, updated_at) VALUES ('onshape', ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString().replace("-", "").substring(0, 24), name, "About " + name, licence, importedBy,
                isPublic ? "public" : "disabled", now(), now());
    }

    /** Gives a document a tag, an element, a workspace and a version, as an import would. */
    static void details(VitrineInstance vitrine, long document) throws Exception {
        insert(vitrine, "INSERT INTO document_tags (document_id, tag) VALUES (?, 'gears')", document);
        insert(vitrine, "INSERT INTO document_elements (document_id, external_id, name, element_type, position) "
                + "VALUES (?, 'e1e1e1e1e1e1e1e1e1e1e1e1', 'Part Studio 1', 'PARTSTUDIO', 0)", document);
        insert(vitrine, "INSERT INTO document_workspaces (document_id, external_id, name, microversion, created_at_provider, "
                + "modified_at_provider) VALUES (?, 'w1w1w1w1w1w1w1w1w1w1w1w1', 'Main', 'm1', ?, ?)", document, now(), now());
        insert(vitrine, "INSERT INTO document_versions (document_id, external_id, name, created_at_provider) "
                + "VALUES (?, 'v1v1v1v1v1v1v1v1v1v1v1v1', 'V1', ?)", document, now());
    }

    /** Credits a designer on a document in a role: owner, creator or modifier. */
    static void credit(VitrineInstance vitrine, long document, long designer, String role) throws Exception {
        insert(vitrine, "INSERT INTO document_designers (document_id, designer_id, role) VALUES (?, ?, ?)", document, designer, role);
    }

    /** An import job of the account with one item, created at the given time; returns its id. */
    static long importJob(VitrineInstance vitrine, long account, String state, LocalDateTime createdAt) throws Exception {
        long job = insert(vitrine, "INSERT INTO import_jobs (account_id, provider, state, total, created_at, updated_at) "
                + "VALUES (?, 'onshape', ?, 1, ?, ?)", account, state, Timestamp.valueOf(createdAt), Timestamp.valueOf(createdAt));
        insert(vitrine, "INSERT INTO import_job_items (job_id, source, state, updated_at) VALUES (?, ?, 'pending', ?)",
                job, "doc" + job, Timestamp.valueOf(createdAt));
        return job;
    }

    /** A stored 300x170 preview of the document, file included, as an import leaves it; returns the image bytes. */
    static byte[] preview(VitrineInstance vitrine, long document) throws Exception {
        byte[] image = ("preview of " + document).getBytes(StandardCharsets.UTF_8);
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        Path file = vitrine.home.resolve("data/blobs").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, image);
        Files.writeString(file.resolveSibling(key + ".meta"), "image/png\n\"" + key + "\"\n");
        insert(vitrine, "INSERT INTO previews (document_id, size_label, blob_key, content_type, byte_size, etag, created_at) "
                + "VALUES (?, '300x170', ?, 'image/png', ?, ?, ?)", document, key, image.length, "\"" + key + "\"", now());
        return image;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    static long insert(VitrineInstance vitrine, String sql, Object... parameters) throws Exception {
        try (Connection db = vitrine.database();
             PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
