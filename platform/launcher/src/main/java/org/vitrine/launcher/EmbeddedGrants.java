package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Who may use the embedded database, applied by the server itself at every start ({@code --init-file}, run with full
 * rights before it accepts connections): the database {@value EmbeddedDatabase#DATABASE} in utf8mb4; the account
 * {@value DatabaseCredentials#USER} on loopback and the local socket, with the password of the credentials file and
 * rights on that database only; no anonymous account, no {@code root} but the one {@code mysql_install_db} made for
 * the local socket (which lies in an owner-only folder), no {@code test} database open to everyone.
 *
 * <p>The same statements serve a new installation, one created before grant tables were switched on (whose accounts
 * are those {@code mysql_install_db} made) and one whose credentials file was lost, so there is no separate
 * migration step. The file holds the password's hash, not the password, and is deleted once the server is up.
 */
final class EmbeddedGrants {

    /** What the application needs on its own database: its data and its schema migrations, nothing server-wide. */
    static final String RIGHTS = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES";
    private static final String[] HOSTS = {"localhost", "127.0.0.1"};

    private EmbeddedGrants() {
    }

    /** The statements, one per line as the init file wants them. */
    static String statements(DatabaseCredentials credentials) {
        String hash = credentials.nativePasswordHash();
        StringBuilder sql = new StringBuilder()
                .append("DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');\n")
                .append("DELETE FROM mysql.db WHERE User = '' OR Db = 'test' OR Db = 'test\\\\_%';\n")
                .append("DROP DATABASE IF EXISTS test;\n")
                .append("FLUSH PRIVILEGES;\n")
                .append("CREATE DATABASE IF NOT EXISTS `").append(EmbeddedDatabase.DATABASE)
                .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        for (String host : HOSTS) {
            String account = "'" + credentials.user() + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY PASSWORD '").append(hash).append("';\n")
                    .append("ALTER USER ").append(account).append(" IDENTIFIED BY PASSWORD '").append(hash).append("';\n")
                    .append("REVOKE ALL PRIVILEGES, GRANT OPTION FROM ").append(account).append(";\n")
                    .append("GRANT ").append(RIGHTS).append(" ON `").append(EmbeddedDatabase.DATABASE).append("`.* TO ")
                    .append(account).append(";\n");
        }
        return sql.toString();
    }

    /** Where {@link #write} puts the statements in the folder. */
    static Path file(Path folder) {
        return folder.resolve("init.sql");
    }

    /** Writes the statements to an owner-only file in the folder (itself owner-only). */
    static Path write(Path folder, DatabaseCredentials credentials) throws IOException {
        Path file = file(folder);
        OwnerOnlyFile.write(file, statements(credentials));
        return file;
    }
}
