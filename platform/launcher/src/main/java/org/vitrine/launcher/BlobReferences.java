package org.vitrine.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Rows that refer to blobs, recognised by their columns: {@value #KEY_COLUMN} (the blob's key) and, beside it,
 * {@value #ETAG_COLUMN} (the ETag served for it: the content's SHA-256 in quotes) and {@value #SIZE_COLUMN}.
 *
 * <p>A blob's key names what it is (a document's preview of a size), not its content: importing a document again
 * replaces the content under the same key. When that happens while a backup copies blobs, the archive holds the newer
 * content beside rows of the snapshot that describe the older one; a restore then makes those rows describe the
 * content it restored, so that the ETag served always matches the bytes.
 */
final class BlobReferences {

    static final String KEY_COLUMN = "blob_key";
    static final String ETAG_COLUMN = "etag";
    static final String SIZE_COLUMN = "byte_size";

    private BlobReferences() {
    }

    /** The blobs whose content in the archive differs from what the snapshot's rows record for them. */
    static List<String> replaced(Map<String, String> snapshotEtags, Map<String, BackupManifest.Blob> copied) {
        List<String> replaced = new ArrayList<>();
        snapshotEtags.forEach((key, etag) -> {
            BackupManifest.Blob blob = copied.get(key);
            if (blob != null && !etag.isEmpty() && !etag.equals(etagOf(blob))) {
                replaced.add(key);
            }
        });
        return replaced;
    }

    /** Makes the rows that refer to these blobs record the content the archive holds. */
    static void align(Connection c, Collection<String> keys, Map<String, BackupManifest.Blob> blobs) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        for (String table : tablesWith(c, ETAG_COLUMN)) {
            boolean sized = tablesWith(c, SIZE_COLUMN).contains(table);
            String sql = "UPDATE " + DatabaseDump.quoteName(table) + " SET " + ETAG_COLUMN + " = ?"
                    + (sized ? ", " + SIZE_COLUMN + " = ?" : "") + " WHERE " + KEY_COLUMN + " = ?";
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (String key : keys) {
                    BackupManifest.Blob blob = blobs.get(key);
                    update.setString(1, etagOf(blob));
                    if (sized) {
                        update.setLong(2, blob.size());
                    }
                    update.setString(sized ? 3 : 2, key);
                    update.executeUpdate();
                }
            }
        }
        c.commit();
    }

    /** Rows whose ETag does not match the blob the archive holds for them (blobs listed as deleted excepted). */
    static List<String> mismatches(Connection c, Map<String, BackupManifest.Blob> blobs, Collection<String> deleted) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : tablesWith(c, ETAG_COLUMN)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + KEY_COLUMN + ", " + ETAG_COLUMN + " FROM " + DatabaseDump.quoteName(table)
                         + " WHERE " + KEY_COLUMN + " IS NOT NULL")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    BackupManifest.Blob blob = blobs.get(key);
                    if (blob == null && !deleted.contains(key)) {
                        problems.add("table " + table + " refers to blob " + key + ", which the archive does not hold");
                    } else if (blob != null && rs.getString(2) != null && !rs.getString(2).equals(etagOf(blob))) {
                        problems.add("table " + table + " gives blob " + key + " another ETag than its content's");
                    }
                }
            }
        }
        return problems;
    }

    private static String etagOf(BackupManifest.Blob blob) {
        return "\"" + blob.sha256() + "\"";
    }

    /** Tables with a {@value #KEY_COLUMN} column and the other column. */
    private static List<String> tablesWith(Connection c, String column) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.table_name FROM information_schema.columns a "
                + "JOIN information_schema.columns b ON b.table_schema = a.table_schema AND b.table_name = a.table_name "
                + "WHERE a.table_schema = DATABASE() AND a.column_name = ? AND b.column_name = ? ORDER BY a.table_name")) {
            s.setString(1, KEY_COLUMN);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
