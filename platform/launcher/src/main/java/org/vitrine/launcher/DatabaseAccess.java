package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How a command reaches a database: the external one of the settings, the embedded server a running Vitrine started
 * (found through its pid file), or an embedded server the command starts itself on a data folder and stops when done.
 */
final class DatabaseAccess implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String kind;
    private final EmbeddedDatabase started;

    private DatabaseAccess(String url, String user, String password, String kind, EmbeddedDatabase started) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.kind = kind;
        this.started = started;
    }

    /** A database given by URL and account, as the running launcher knows it. */
    static DatabaseAccess of(String url, String user, String password, boolean embedded) {
        return new DatabaseAccess(url, user, password, embedded ? "embedded" : "external", null);
    }

    /**
     * The installation's database: the external one, the running embedded server, or (when {@code startIfStopped}) the
     * embedded server started for the command. The caller holds the data folder's lock when it lets this start one.
     */
    static DatabaseAccess of(Settings settings, boolean startIfStopped) throws Exception {
        if (!settings.embeddedDatabase()) {
            return new DatabaseAccess(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), "external", null);
        }
        Path dbDir = settings.layout().db();
        Optional<Integer> port = EmbeddedDatabase.runningPort(dbDir);
        if (port.isPresent()) {
            DatabaseCredentials credentials = DatabaseCredentials.existing(dbDir.resolve(DatabaseCredentials.FILE_NAME))
                    .orElseThrow(() -> new IOException("The running embedded database's credentials file is missing or unreadable: "
                            + dbDir.resolve(DatabaseCredentials.FILE_NAME)));
            return new DatabaseAccess("jdbc:mariadb://127.0.0.1:" + port.get() + "/" + EmbeddedDatabase.DATABASE,
                    credentials.user(), credentials.password(), "embedded", null);
        }
        if (!startIfStopped) {
            throw new IOException("Vitrine is starting: its embedded database is not up yet. Try again in a moment.");
        }
        return embedded(dbDir);
    }

    /** An embedded server on the folder, started now (a new one is created when the folder is empty). */
    static DatabaseAccess embedded(Path dbDir) throws Exception {
        EmbeddedDatabase db = new EmbeddedDatabase(dbDir, 0);
        try {
            String url = db.start();
            return new DatabaseAccess(url, db.credentials().user(), db.credentials().password(), "embedded", db);
        } catch (Exception e) {
            db.close();
            throw e;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** {@code embedded} or {@code external}. */
    String kind() {
        return kind;
    }

    /** Where the data goes, for messages: never the password. */
    String describe() {
        return kind.equals("embedded") ? "The embedded database" : "The database " + url.replaceAll("\\?.*", "");
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
