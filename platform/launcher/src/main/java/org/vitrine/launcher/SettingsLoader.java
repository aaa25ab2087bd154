package org.vitrine.launcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.vitrine.api.net.TrustedProxies;

/**
 * Reads {@code config/vitrine.properties} with Apache Commons Configuration (so values may say
 * {@code ${env:NAME}}) and layers system properties and environment variables over it (an empty variable
 * counts as unset). Every value is
 * checked here, before anything starts: a bad one stops start-up with a message naming where it came from
 * and the key.
 */
public final class SettingsLoader {

    static final String FILE_NAME = "vitrine.properties";
    private static final Set<String> KNOWN = Set.of("port", "bind.address", "public.url", "data.dir", "deploy.dir",
            "features.dir", "repository.dir", "db.url", "db.user", "db.password", "db.embedded.port", "admin.token", "secret.key",
            "trusted.proxies", "trusted.proxies.headers",
            "stop.grace.seconds", "db.embedded.restart.max", "db.embedded.restart.window.minutes",
            "backup.dir", "backup.every", "backup.keep");
    static final Set<String> PROXY_HEADERS = Set.of("x-forwarded", "forwarded");
    static final int MIN_TOKEN_LENGTH = 24;

    private final Path home;
    private final Path configDir;
    private final Map<String, String> env;
    private final Map<Object, Object> system;
    private PropertiesConfiguration file;

    public SettingsLoader(Path home, Path configDir, Map<String, String> env, Map<Object, Object> system) {
        this.home = home.toAbsolutePath().normalize();
        this.configDir = configDir.toAbsolutePath().normalize();
        this.env = env;
        this.system = system;
    }

    public Settings load() throws InvalidSettingsException {
        file = readFile(configDir.resolve(FILE_NAME));
        for (Iterator<String> keys = file.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                throw new InvalidSettingsException(where("file", key) + ": unknown key; known keys are "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            if (file.getList(key).size() > 1) {
                throw new InvalidSettingsException(where("file", key) + ": is set " + file.getList(key).size()
                        + " times; keep one line");
            }
        }
        int port = port("port", "8080");
        String bind = bindAddress();
        Layout layout = new Layout(home, configDir, path("data.dir", "data"), path("deploy.dir", "deploy"),
                path("features.dir", "features"), path("repository.dir", "repository"));
        URI publicUrl = publicUrl(port);
        String dbUrl = value("db.url", "");
        String dbUser = value("db.user", "");
        String dbPassword = value("db.password", "");
        if (!dbUrl.isEmpty()) {
            if (!dbUrl.startsWith("jdbc:mariadb://") && !dbUrl.startsWith("jdbc:mysql://")) {
                throw invalid("db.url", "'" + dbUrl + "' is not a MariaDB JDBC URL (jdbc:mariadb://host:3306/vitrine); "
                        + "leave it empty for the embedded database");
            }
            if (dbUser.isEmpty()) {
                throw invalid("db.user", "is required when db.url points at an external database");
            }
        }
        int embeddedPort = value("db.embedded.port", "0").equals("0") ? 0 : port("db.embedded.port", "0");
        String token = value("admin.token", "");
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            throw invalid("admin.token", "is too short to be safe: use at least " + MIN_TOKEN_LENGTH
                    + " random characters (e.g. `openssl rand -hex 32`)");
        }
        String secretKey = value("secret.key", "");
        if (!secretKey.isEmpty()) {
            try {
                if (java.util.Base64.getDecoder().decode(secretKey).length != 32) {
                    throw invalid("secret.key", "must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)");
                }
            } catch (IllegalArgumentException e) {
                throw invalid("secret.key", "is not base64; use e.g. `openssl rand -base64 32`");
            }
        }
        TrustedProxies proxies = trustedProxies();
        String proxyHeaders = value("trusted.proxies.headers", "x-forwarded").toLowerCase(java.util.Locale.ROOT);
        if (!PROXY_HEADERS.contains(proxyHeaders)) {
            throw invalid("trusted.proxies.headers", "'" + proxyHeaders + "' is neither x-forwarded (X-Forwarded-For and "
                    + "X-Forwarded-Proto) nor forwarded (RFC 7239 Forwarded)");
        }
        LifecycleSettings lifecycle = new LifecycleSettings(
                Duration.ofSeconds(number("stop.grace.seconds", LifecycleSettings.DEFAULTS.stopGrace().toSeconds(), 0, 3600)),
                (int) number("db.embedded.restart.max", LifecycleSettings.DEFAULTS.databaseRestarts(), 0, 1000),
                Duration.ofMinutes(number("db.embedded.restart.window.minutes", LifecycleSettings.DEFAULTS.restartWindow().toMinutes(), 1, 10080)));
        return new Settings(port, bind, publicUrl, layout, dbUrl, dbUser, dbPassword, embeddedPort, token, secretKey,
                proxies, proxyHeaders, lifecycle, backup());
    }

    /** The value with its layers applied; unresolved {@code ${...}} references are an error. */
    String value(String key, String fallback) throws InvalidSettingsException {
        String source;
        String value;
        Object sys = system.get("vitrine." + key);
        String envName = "VITRINE_" + key.toUpperCase().replace('.', '_');
        if (sys != null) {
            value = sys.toString();
            source = "system";
        } else if (env.get(envName) != null && !env.get(envName).isBlank()) {
            value = env.get(envName);
            source = "env";
        } else if (file.containsKey(key)) {
            value = file.getString(key);
            source = "file";
        } else {
            return fallback;
        }
        value = value == null ? "" : value.trim();
        if (value.contains("${")) {
            throw new InvalidSettingsException(where(source, key) + ": refers to " + value
                    + ", which is not set (is the environment variable defined?)");
        }
        return value;
    }

    private int port(String key, String fallback) throws InvalidSettingsException {
        String raw = value(key, fallback);
        try {
            int port = Integer.parseInt(raw);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "'" + raw + "' is not a port number (1 to 65535)");
    }

    /** A whole number from {@code min} to {@code max}. */
    private long number(String key, long fallback, long min, long max) throws InvalidSettingsException {
        String raw = value(key, Long.toString(fallback));
        try {
            long n = Long.parseLong(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "'" + raw + "' is not a whole number from " + min + " to " + max);
    }

    private String bindAddress() throws InvalidSettingsException {
        String raw = value("bind.address", "127.0.0.1");
        try {
            InetAddress.getByName(raw);
            return raw;
        } catch (UnknownHostException e) {
            throw invalid("bind.address", "'" + raw + "' is not an address of this machine (e.g. 127.0.0.1 or 0.0.0.0)");
        }
    }

    private BackupSettings backup() throws InvalidSettingsException {
        Duration every = BackupSettings.parseEvery(value("backup.every", "0"));
        if (every == null) {
            throw invalid("backup.every", "'" + value("backup.every", "0") + "' is not a period: use e.g. 6h or 1d (also 30s, 30m), or 0 for no "
                    + "scheduled backups");
        }
        return new BackupSettings(path("backup.dir", "backups"), every, (int) number("backup.keep", 7, 1, 10000));
    }

    private TrustedProxies trustedProxies() throws InvalidSettingsException {
        try {
            return TrustedProxies.parse(value("trusted.proxies", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("trusted.proxies", e.getMessage() + "; list addresses or CIDR blocks separated by commas");
        }
    }

    private URI publicUrl(int port) throws InvalidSettingsException {
        String raw = value("public.url", "http://localhost:" + port);
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid("public.url", "'" + raw + "' is not an absolute http(s) URL such as https://designs.example.org");
    }

    private Path path(String key, String fallback) throws InvalidSettingsException {
        String raw = value(key, fallback);
        if (raw.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        return home.resolve(raw).toAbsolutePath().normalize();
    }

    private InvalidSettingsException invalid(String key, String problem) throws InvalidSettingsException {
        String envValue = env.get("VITRINE_" + key.toUpperCase().replace('.', '_'));
        String source = system.get("vitrine." + key) != null ? "system"
                : envValue != null && !envValue.isBlank() ? "env" : "file";
        return new InvalidSettingsException(where(source, key) + ": " + problem);
    }

    private String where(String source, String key) {
        return switch (source) {
            case "system" -> "system property vitrine." + key;
            case "env" -> "environment variable VITRINE_" + key.toUpperCase().replace('.', '_') + " (key '" + key + "')";
            default -> configDir.resolve(FILE_NAME) + ": key '" + key + "'";
        };
    }

    private static PropertiesConfiguration readFile(Path path) throws InvalidSettingsException {
        PropertiesConfiguration config = new PropertiesConfiguration();
        if (!Files.exists(path)) {
            return config;
        }
        try {
            new FileHandler(config).load(path.toFile());
            return config;
        } catch (ConfigurationException e) {
            throw new InvalidSettingsException(path + ": cannot be read: " + e.getMessage());
        }
    }
}
