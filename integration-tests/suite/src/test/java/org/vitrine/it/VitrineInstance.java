package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Vitrine installation started as a person would: {@code bin/vitrine run} from the assembled
 * distribution, in a separate process, with its own home (config/, deploy/, data/), HTTP port and database.
 * The database is the embedded MariaDB, or the external server named by {@code VITRINE_TEST_DB_URL}
 * (with {@code VITRINE_TEST_DB_USER} and {@code VITRINE_TEST_DB_PASSWORD}).
 */
final class VitrineInstance implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("vitrine.dist", "../../platform/distribution/target/vitrine")).toAbsolutePath().normalize();
    static final Path ECHO_JAR = Path.of(System.getProperty("vitrine.echo.jar", "")).toAbsolutePath();
    private static final Path HOMES = Path.of(System.getProperty("vitrine.it.homes", "target/it-homes")).toAbsolutePath();
    static final String EXTERNAL_DB_URL = System.getenv("VITRINE_TEST_DB_URL");
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final int port;
    final int dbPort;
    /** On an external server, each instance gets a database of its own, as the embedded default gives it. */
    private final String externalDbUrl;
    final String token = "it-" + UUID.randomUUID() + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> extraEnv = new HashMap<>();
    private volatile Process process;
    private int consoleRun;

    private VitrineInstance(Path home, boolean embeddedOnly) throws IOException {
        this.home = home;
        this.port = freePort();
        this.dbPort = freePort();
        this.externalDbUrl = externalDatabase() && !embeddedOnly ? createExternalDatabase() : null;
        Files.createDirectories(home.resolve("deploy"));
        copyTree(DIST.resolve("config"), home.resolve("config"));
        // the suite polls quickly from one address; the rate-limit tests set their own budgets
        setting("platform.properties", "rate.api.ip", "100000/1m");
        // tests seed catalog rows straight into the database, behind the store's back, and expect to see them
        setting("store-mariadb.properties", "catalog.cache.seconds", "0");
        // for the same reason the search index is off (the database searches); the search tests switch it on
        setting("modules.properties", "search-lucene", "disabled");
    }

    /**
     * Sets a key in one of the installation's settings files (before start, or while running: module
     * settings apply live). An existing line for the key is replaced.
     */
    VitrineInstance setting(String file, String key, String value) throws IOException {
        Path path = home.resolve("config").resolve(file);
        List<String> lines = new ArrayList<>(Files.exists(path) ? Files.readAllLines(path) : List.of());
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        write(path, String.join("\n", lines) + "\n");
        return this;
    }

    /**
     * Budgets far above what a person needs for sign-in, registration, two-factor and password changes: the
     * account tests sign in many times from one address; the rate-limit tests set their own budgets.
     */
    VitrineInstance generousSignInLimits() throws IOException {
        for (String policy : List.of("rate.login.ip", "rate.login.account", "rate.twofactor.account", "rate.password.account")) {
            setting("platform.properties", policy, "100000/1m");
        }
        return setting("platform.properties", "rate.register.ip", "100000/1h");
    }

    /** The embedded database server's own messages (start, recovery, shutdown) go to the log too, not only its errors. */
    VitrineInstance logDatabaseMessages() throws IOException {
        Path logback = home.resolve("config/logback.xml");
        String config = Files.readString(logback);
        String quiet = "<logger name=\"ch.vorburger\" level=\"WARN\"/>";
        if (!config.contains(quiet)) {
            fail("config/logback.xml no longer quiets ch.vorburger: " + logback);
        }
        write(logback, config.replace(quiet, "<logger name=\"ch.vorburger\" level=\"INFO\"/>"));
        return this;
    }

    /** A fresh installation home named after the test class. */
    static VitrineInstance fresh(String name) throws IOException {
        Path home = HOMES.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(home);
        return new VitrineInstance(home, false);
    }

    /** A fresh installation on the embedded database, even when the suite runs against an external server. */
    static VitrineInstance freshEmbedded(String name) throws IOException {
        Path home = HOMES.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(home);
        return new VitrineInstance(home, true);
    }

    static boolean externalDatabase() {
        return EXTERNAL_DB_URL != null && !EXTERNAL_DB_URL.isBlank();
    }

    /** Sets an extra environment variable for the next start or command. */
    VitrineInstance env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("VITRINE_HOME", home.toString());
        env.put("VITRINE_FEATURES_DIR", DIST.resolve("features").toString());
        env.put("VITRINE_REPOSITORY_DIR", DIST.resolve("repository").toString());
        env.put("VITRINE_PORT", Integer.toString(port));
        env.put("VITRINE_ADMIN_TOKEN", token);
        env.put("VITRINE_DB_EMBEDDED_PORT", Integer.toString(dbPort));
        if (externalDbUrl != null) {
            env.put("VITRINE_DB_URL", externalDbUrl);
            env.put("VITRINE_DB_USER", System.getenv().getOrDefault("VITRINE_TEST_DB_USER", ""));
            env.put("VITRINE_DB_PASSWORD", System.getenv().getOrDefault("VITRINE_TEST_DB_PASSWORD", ""));
        }
        env.putAll(extraEnv);
        return env;
    }

    /** Starts {@code bin/vitrine run} and waits until {@code /api/health} answers 200. */
    VitrineInstance start() throws Exception {
        Path console = console(++consoleRun);
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/vitrine").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().putAll(environment());
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Vitrine exited with " + process.exitValue() + " during start:\n" + Files.readString(console));
            }
            try {
                if (get("/api/health").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        fail("Vitrine did not become ready within 3 minutes:\n" + Files.readString(console));
        return this;
    }

    /** Stops it as Ctrl-C would (SIGTERM) and waits for a clean exit. */
    int stop() throws Exception {
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("Vitrine did not stop within 90 s of SIGTERM");
        }
        int code = process.exitValue();
        process = null;
        return code;
    }

    /** Sends SIGTERM, as systemd or Ctrl-C would, without waiting for Vitrine to stop (see {@link #awaitExit}). */
    void signalStop() {
        process.destroy();
    }

    /** Waits until the process has ended (by itself, or after {@link #signalStop}); returns its exit code. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("Vitrine did not end within " + timeout.toSeconds() + " s:\n" + console());
        }
        int code = process.exitValue();
        process = null;
        return code;
    }

    /** Whether the Vitrine process of the current run is still running. */
    boolean running() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The process id of the embedded database server serving this installation. */
    long embeddedDatabasePid() {
        String data = home.resolve(extraEnv.getOrDefault("VITRINE_DATA_DIR", "data")).resolve("db/data").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                        .map(cmd -> cmd.contains("mariadbd") && cmd.contains(data)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow(() -> new AssertionError("no mariadbd serves " + data));
    }

    /** Kills the JVM with SIGKILL, leaving the embedded database server behind, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        process = null;
    }

    long pid() {
        return process.pid();
    }

    /** Everything the current (or last) run printed. */
    String console() throws IOException {
        return Files.readString(console(consoleRun));
    }

    Path console(int run) {
        return home.resolve("console-" + run + ".log");
    }

    /** Runs {@code bin/vitrine <args>} to completion and returns its exit code and output. */
    CommandResult command(String... args) throws Exception {
        return commandWithInput(null, args);
    }

    /**
     * Runs {@code bin/vitrine <args>} with the text on its standard input (as when a password is piped in),
     * or with an empty standard input when the text is null.
     */
    CommandResult commandWithInput(String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/vitrine").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(home, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(input == null
                        ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment());
        Process p = builder.start();
        if (input != null) {
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            stopLeftovers();
            fail("bin/vitrine " + String.join(" ", args) + " did not finish:\n" + Files.readString(out));
        }
        return new CommandResult(p.exitValue(), Files.readString(out));
    }

    record CommandResult(int exitCode, String output) {
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    HttpResponse<String> getAsAdmin(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    HttpResponse<String> putAsAdmin(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    HttpResponse<String> postAsAdmin(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(90));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The module as {@code GET /api/admin/modules/{id}} shows it, or null when unknown. */
    JsonNode module(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = getAsAdmin("/api/admin/modules/" + id);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** A JDBC connection to the database this instance uses, as Vitrine's own account. */
    Connection database() throws SQLException {
        if (externalDbUrl != null) {
            return DriverManager.getConnection(externalDbUrl, System.getenv("VITRINE_TEST_DB_USER"),
                    System.getenv("VITRINE_TEST_DB_PASSWORD"));
        }
        java.util.Properties credentials = new java.util.Properties();
        try (var in = Files.newBufferedReader(embeddedDbCredentials())) {
            credentials.load(in);
        } catch (IOException e) {
            throw new SQLException("the embedded database's credentials cannot be read: " + e, e);
        }
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/vitrine", credentials.getProperty("user"),
                credentials.getProperty("password"));
    }

    /** The file where the launcher keeps the embedded database's generated account. */
    Path embeddedDbCredentials() {
        return home.resolve(extraEnv.getOrDefault("VITRINE_DATA_DIR", "data")).resolve("db/credentials.properties");
    }

    /** Waits until the condition holds; fails with the message after the timeout. */
    static long await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(10);
        }
        fail("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        return -1;
    }

    /** Writes a file the way an editor that saves in place might: the watcher must cope. */
    static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null && process.isAlive()) {
                stop();
            }
        } finally {
            stopLeftovers();
            if (externalDbUrl != null) {
                try (Connection c = server(); java.sql.Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS `" + externalDbUrl.substring(externalDbUrl.lastIndexOf('/') + 1) + "`");
                }
            }
            // the embedded MariaDB (its server files and data, about half a gigabyte) goes with the instance, as the
            // external database does: a suite run would otherwise fill tens of gigabytes; logs and console stay
            deleteTree(home.resolve("data").resolve("db"));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A fresh database beside the one VITRINE_TEST_DB_URL names, e.g. {@code vitrine_ci_<n>}; the test user needs
     * the right to create databases with that prefix (.ci/run grants it).
     */
    private static String createExternalDatabase() throws IOException {
        String base = EXTERNAL_DB_URL.substring(0, EXTERNAL_DB_URL.lastIndexOf('/') + 1);
        String name = EXTERNAL_DB_URL.substring(EXTERNAL_DB_URL.lastIndexOf('/') + 1).split("\\?")[0]
                + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try (Connection c = server(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IOException("cannot create test database " + name + " on the external server: " + e.getMessage(), e);
        }
        return base + name;
    }

    private static Connection server() throws SQLException {
        String base = EXTERNAL_DB_URL.substring(0, EXTERNAL_DB_URL.lastIndexOf('/') + 1);
        return DriverManager.getConnection(base, System.getenv("VITRINE_TEST_DB_USER"), System.getenv("VITRINE_TEST_DB_PASSWORD"));
    }

    /** Whatever still runs from this home (a database server after a failed test) is stopped. */
    void stopLeftovers() {
        String marker = home.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
