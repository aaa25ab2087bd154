package org.vitrine.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays a {@link DatabaseDump} into an empty database, one statement per line, and counts what arrived.
 */
final class DatabaseLoad {

    private final Progress progress;

    DatabaseLoad(Progress progress) {
        this.progress = progress;
    }

    /** Refuses a database that already holds tables: a restore never mixes two installations' data. */
    static void requireEmpty(Connection c, String where) throws SQLException, RestoreRefusedException {
        int tables = DatabaseDump.tables(c).size();
        if (tables > 0) {
            throw new RestoreRefusedException(where + " already holds " + tables + " tables. Restore into an empty database "
                    + "(a new one, or drop this one's tables first); nothing was changed.");
        }
    }

    void load(Connection c, BufferedReader sql) throws SQLException, IOException {
        c.setAutoCommit(false);
        long statements = 0;
        try (Statement s = c.createStatement()) {
            String line;
            while ((line = sql.readLine()) != null) {
                if (line.isBlank() || line.startsWith("-- ")) {
                    continue;
                }
                s.execute(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
                if (line.startsWith("CREATE TABLE `")) {
                    progress.line("database: " + line.substring("CREATE TABLE `".length(), line.indexOf('`', "CREATE TABLE `".length())));
                }
                if (++statements % 50 == 0) {
                    c.commit();
                }
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
            s.execute("SET UNIQUE_CHECKS = 1");
        }
        c.commit();
    }

    /** Rows per table of the database, for comparing with a backup's manifest. */
    static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : DatabaseDump.tables(c)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + DatabaseDump.quoteName(table))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }
}
