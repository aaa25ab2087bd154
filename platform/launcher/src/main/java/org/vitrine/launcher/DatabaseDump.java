package org.vitrine.launcher;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A logical dump of Vitrine's database taken inside one consistent snapshot ({@code START TRANSACTION WITH
 * CONSISTENT SNAPSHOT}, repeatable read): every table as it stood at one instant, while Vitrine keeps reading and
 * writing. It works the same on the embedded and on an external MariaDB and needs no {@code mariadb-dump} binary.
 *
 * <p>The output is SQL, one statement per line (line breaks inside values are escaped), so that {@link DatabaseLoad}
 * can replay it and so that an administrator can also feed it to the {@code mariadb} client. The schema history of
 * the migrations is a table like any other: a restored database starts at the schema version it was saved at.
 */
final class DatabaseDump {

    /** Settings that make the statements mean the same on any server: the header of every dump. */
    static final List<String> SESSION = List.of(
            "SET NAMES utf8mb4;",
            "SET time_zone = '+00:00';",
            "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION';",
            "SET FOREIGN_KEY_CHECKS = 0;",
            "SET UNIQUE_CHECKS = 0;");
    private static final int STATEMENT_BYTES = 512 * 1024;
    private static final Set<String> TEMPORAL = Set.of("date", "datetime", "timestamp", "time", "year");
    private static final HexFormat HEX = HexFormat.of();

    private final Progress progress;

    DatabaseDump(Progress progress) {
        this.progress = progress;
    }

    /**
     * What a dump contains: rows per table (in dump order), the schema version, and the blobs the rows refer to, with
     * the ETag the rows record for each (empty when they record none).
     */
    record Result(Map<String, Long> rows, String schemaVersion, Map<String, String> blobEtags) {
    }

    Result write(Connection c, Writer out) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
        try {
            for (String line : SESSION) {
                out.write(line + "\n");
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, String> blobEtags = new TreeMap<>();
            for (String table : tables(c)) {
                out.write("DROP TABLE IF EXISTS " + quoteName(table) + ";\n");
                out.write(createStatement(c, table).replace("\r", " ").replace("\n", " ") + ";\n");
                rows.put(table, dumpRows(c, table, out, blobEtags));
                progress.line("database: " + table + " " + rows.get(table) + " rows");
            }
            String version = schemaVersion(c, rows.keySet());
            c.commit();
            return new Result(rows, version, blobEtags);
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The schema version the migrations reached (Flyway's history), or empty when there is none. */
    static String schemaVersion(Connection c, Set<String> tables) throws SQLException {
        if (!tables.contains("flyway_schema_history")) {
            return "";
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                     + "ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static String createStatement(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + quoteName(table))) {
            rs.next();
            return rs.getString(2);
        }
    }

    private long dumpRows(Connection c, String table, Writer out, Map<String, String> blobEtags) throws SQLException, IOException {
        long count = 0;
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery("SELECT " + selectList(c, table) + " FROM " + quoteName(table))) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                StringBuilder head = new StringBuilder("INSERT INTO ").append(quoteName(table)).append(" (");
                int blobKeyColumn = 0;
                int etagColumn = 0;
                for (int i = 1; i <= columns; i++) {
                    head.append(i > 1 ? "," : "").append(quoteName(meta.getColumnName(i)));
                    if (BlobReferences.KEY_COLUMN.equalsIgnoreCase(meta.getColumnName(i))) {
                        blobKeyColumn = i;
                    } else if (BlobReferences.ETAG_COLUMN.equalsIgnoreCase(meta.getColumnName(i))) {
                        etagColumn = i;
                    }
                }
                head.append(") VALUES ");
                StringBuilder statement = new StringBuilder();
                while (rs.next()) {
                    statement.append(statement.length() == 0 ? head : ",").append('(');
                    for (int i = 1; i <= columns; i++) {
                        if (i > 1) {
                            statement.append(',');
                        }
                        appendValue(statement, rs, i, meta.getColumnType(i));
                    }
                    statement.append(')');
                    if (blobKeyColumn > 0 && rs.getString(blobKeyColumn) != null) {
                        String etag = etagColumn > 0 && rs.getString(etagColumn) != null ? rs.getString(etagColumn) : "";
                        blobEtags.merge(rs.getString(blobKeyColumn), etag, (a, b) -> a.isEmpty() ? b : a);
                    }
                    count++;
                    if (statement.length() >= STATEMENT_BYTES) {
                        out.write(statement.append(";\n").toString());
                        statement.setLength(0);
                        progress.every("database: " + table + " " + count + " rows");
                    }
                }
                if (statement.length() > 0) {
                    out.write(statement.append(";\n").toString());
                }
            }
        }
        return count;
    }

    /**
     * The table's columns to select, times as the server writes them: the JDBC driver's own text for a time with
     * fractional seconds drops leading zeros (.003 becomes .3), so times are turned into text by the server, in the
     * session's time zone (UTC, as at restore).
     */
    private static String selectList(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = quoteName(rs.getString(1));
                    columns.add(TEMPORAL.contains(rs.getString(2).toLowerCase(java.util.Locale.ROOT))
                            ? "CAST(" + name + " AS CHAR) AS " + name : name);
                }
            }
        }
        return String.join(",", columns);
    }

    private static void appendValue(StringBuilder sql, ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                if (bytes == null) {
                    sql.append("NULL");
                } else {
                    sql.append("X'").append(HEX.formatHex(bytes)).append('\'');
                }
            }
            case Types.BIT, Types.BOOLEAN -> {
                Object value = rs.getObject(column);
                if (value == null) {
                    sql.append("NULL");
                } else if (value instanceof Boolean b) {
                    sql.append(b ? '1' : '0');
                } else if (value instanceof byte[] bytes) {
                    sql.append("X'").append(HEX.formatHex(bytes)).append('\'');
                } else {
                    sql.append(value);
                }
            }
            default -> {
                String value = rs.getString(column);
                if (value == null) {
                    sql.append("NULL");
                } else {
                    appendQuoted(sql, value);
                }
            }
        }
    }

    static void appendQuoted(StringBuilder sql, String value) {
        sql.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\'' -> sql.append("\\'");
                case '\\' -> sql.append("\\\\");
                case '\n' -> sql.append("\\n");
                case '\r' -> sql.append("\\r");
                case '\0' -> sql.append("\\0");
                case '\u001a' -> sql.append("\\Z");
                default -> sql.append(ch);
            }
        }
        sql.append('\'');
    }

    static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
