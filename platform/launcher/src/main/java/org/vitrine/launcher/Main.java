package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * {@code bin/vitrine}: {@code run} (the default) starts Vitrine in the foreground until Ctrl-C;
 * {@code modules} lists and switches modules; {@code reindex} rebuilds the search index; {@code backup} and
 * {@code restore} save and bring back an installation.
 */
public final class Main {

    private static final String USAGE = """
            usage: vitrine [command]
              run                      start Vitrine in the foreground (Ctrl-C stops it)
              modules list             list modules and their states
              modules enable ID        switch a module on
              modules disable ID       switch a module off
              admin create EMAIL       create an admin account (password asked for, or read from stdin)
              reindex                  rebuild the search index from the database (running: with progress; stopped: at next start)
              backup [FILE]            back up database, blobs and settings (Vitrine may keep running)
              backup --with-key [FILE] the same plus the secret key, sealed with a passphrase (VITRINE_BACKUP_PASSPHRASE or asked for)
              backup --verify FILE     restore a backup into a scratch database and compare it with its manifest
              restore FILE             restore a backup into an empty data folder / empty database (Vitrine stopped)
            Settings come from config/vitrine.properties, VITRINE_* environment variables and -Dvitrine.* properties.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        useOwnTempFolder();
        List<String> words = Arrays.asList(args);
        String command = words.isEmpty() ? "run" : words.get(0);
        try {
            Settings settings = loadSettings();
            int code = switch (command) {
                case "run" -> run(settings);
                case "modules" -> new ModulesCommand(settings, System.out).run(words.subList(1, words.size()));
                case "admin" -> new AdminCommand(settings, System.out).run(words.subList(1, words.size()));
                case "reindex" -> new ReindexCommand(settings, System.out).run(words.subList(1, words.size()));
                case "backup" -> new BackupCommand(settings, System.out, System.err).run(words.subList(1, words.size()));
                case "restore" -> new RestoreCommand(settings, System.out, System.err).run(words.subList(1, words.size()));
                case "help", "-h", "--help" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.print("Unknown command '" + command + "'.\n" + USAGE);
                    yield 2;
                }
            };
            System.exit(code);
        } catch (InvalidSettingsException e) {
            System.err.println("Vitrine cannot start: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("Vitrine failed: " + e.getMessage());
            LoggerFactory.getLogger(Main.class).error("Vitrine failed", e);
            System.exit(1);
        }
    }

    /**
     * The JVM's temp folder becomes {@code <home>/tmp}, before any library reads it: the embedded-database
     * library deletes any data folder whose path starts with the temp folder (taking it for a throw-away one),
     * which would wipe an installation kept under /tmp at every start.
     */
    static void useOwnTempFolder() {
        Path tmp = home().resolve("tmp");
        try {
            Files.createDirectories(tmp);
            System.setProperty("java.io.tmpdir", tmp.toString());
        } catch (IOException e) {
            System.err.println("Vitrine: cannot create " + tmp + " (" + e.getMessage() + "); using the system temp folder");
        }
    }

    private static Path home() {
        String homeValue = firstOf(System.getProperty("vitrine.home"), System.getenv("VITRINE_HOME"), ".");
        return Path.of(homeValue).toAbsolutePath().normalize();
    }

    static Settings loadSettings() throws InvalidSettingsException {
        Path home = home();
        Path config = home.resolve(firstOf(System.getProperty("vitrine.config.dir"), System.getenv("VITRINE_CONFIG_DIR"), "config"));
        Settings settings = new SettingsLoader(home, config, System.getenv(), System.getProperties()).load();
        configureLogging(settings);
        return settings;
    }

    /**
     * Applies config/logback.xml now that the logs folder is known. Logging may already have started while
     * the settings were read (Commons Configuration logs), so the configuration is applied explicitly.
     */
    private static void configureLogging(Settings settings) {
        System.setProperty("vitrine.logs.dir", settings.layout().logs().toString());
        String configured = System.getProperty("logback.configurationFile");
        Path file = configured != null ? Path.of(configured) : settings.layout().config().resolve("logback.xml");
        if (Files.isRegularFile(file) && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(file.toFile());
            } catch (JoranException e) {
                System.err.println("Vitrine: " + file + " is not a usable logging configuration: " + e.getMessage());
            }
        }
    }

    /**
     * Runs Vitrine until it is asked to stop (Ctrl-C, SIGTERM: exit code 0 once stopped in order) or the embedded
     * database keeps dying (exit code 1, after the same ordered stop).
     */
    private static int run(Settings settings) throws Exception {
        long begin = System.nanoTime();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Main.class);
        Files.createDirectories(settings.layout().logs());
        Files.createDirectories(settings.layout().deploy());
        DataDirLock lock = DataDirLock.acquire(settings.layout().lockFile());
        OrderedStop stop = new OrderedStop(settings.lifecycle().stopGrace(), lock);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            exit.complete(0);
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                context.stop();
            }
        }, "vitrine-shutdown"));
        try {
            String dbUrl = settings.dbUrl();
            String dbUser = settings.dbUser();
            String dbPassword = settings.dbPassword();
            DatabaseSupervisor supervisor = null;
            if (settings.embeddedDatabase()) {
                EmbeddedDatabase embedded = new EmbeddedDatabase(settings.layout().db(), settings.embeddedDbPort());
                stop.database(embedded);
                dbUrl = embedded.start();
                dbUser = embedded.credentials().user();
                dbPassword = embedded.credentials().password();
                supervisor = new DatabaseSupervisor(embedded, settings.lifecycle(), reason -> {
                    System.err.println("Vitrine stops: " + reason);
                    exit.complete(1);
                }, Clock.systemUTC());
                stop.supervisor(supervisor);
                supervisor.watch();
            }
            Platform platform = new Platform(settings, dbUrl, dbUser, dbPassword);
            stop.platform(platform);
            platform.start();
            if (supervisor != null) {
                Supplier<Map<String, String>> state = supervisor::state;
                platform.offer(Supplier.class, state, "vitrine.embedded.database", "state");
            }
            String health = ReadinessProbe.await(settings.localBaseUrl(), Duration.ofMinutes(3), exit::isDone);
            if (health != null) {
                lock.describe(settings.localBaseUrl());
                stop.backups(BackupSchedule.start(settings, dbUrl, dbUser, dbPassword));
                java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"status\":\"(\\w+)\"").matcher(health);
                log.info("Vitrine is ready on {} in {} ms (status {})", settings.publicUrl(),
                        (System.nanoTime() - begin) / 1_000_000, status.find() ? status.group(1) : "unknown");
            }
        } catch (Exception e) {
            stop.run();
            throw e;
        }
        int code = exit.join();
        stop.run();
        return code;
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
