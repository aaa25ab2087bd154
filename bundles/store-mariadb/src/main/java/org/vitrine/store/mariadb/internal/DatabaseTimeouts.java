package org.vitrine.store.mariadb.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long Vitrine waits on the database, from the store's settings, checked: a database that stops answering
 * (frozen, cut off) turns a request into a 503 after these times instead of holding it while the freeze lasts.
 *
 * @param connectSeconds   opening a connection (TCP connect and handshake): Connector/J {@code connectTimeout}
 * @param socketSeconds    the longest silence of the server on an open connection: Connector/J {@code socketTimeout};
 *                         longer than {@code statementSeconds}, so a slow but legitimate query is stopped by the
 *                         server (a clean error) before the client gives up on the connection
 * @param statementSeconds the longest a statement may run on the server: MyBatis {@code defaultStatementTimeout}
 * @param poolWaitMillis   the longest a request waits for a pooled connection: Hikari {@code connectionTimeout}
 */
record DatabaseTimeouts(int connectSeconds, int socketSeconds, int statementSeconds, long poolWaitMillis) {

    static final int MAX_SECONDS = 3600;
    /** The defaults of {@link StoreSettings}, used when the settings hold a value out of range. */
    static final DatabaseTimeouts DEFAULTS = new DatabaseTimeouts(3, 8, 5, 5000);
    /** Hikari's own lower bound for {@code connectionTimeout}. */
    static final long MIN_POOL_WAIT_MILLIS = 250;

    DatabaseTimeouts {
        within("db.connect.timeout.seconds", connectSeconds, 1, MAX_SECONDS);
        within("db.statement.timeout.seconds", statementSeconds, 1, MAX_SECONDS);
        within("db.socket.timeout.seconds", socketSeconds, 1, MAX_SECONDS);
        if (socketSeconds <= statementSeconds) {
            throw new IllegalArgumentException("db.socket.timeout.seconds (" + socketSeconds
                    + ") must exceed db.statement.timeout.seconds (" + statementSeconds
                    + "): otherwise a legitimate slow query is cut off as if the database were lost");
        }
        if (poolWaitMillis < MIN_POOL_WAIT_MILLIS || poolWaitMillis > MAX_SECONDS * 1000L) {
            throw new IllegalArgumentException("connection.timeout must be between " + MIN_POOL_WAIT_MILLIS + " and "
                    + MAX_SECONDS * 1000L + " ms, was " + poolWaitMillis);
        }
    }

    /** The settings' times; throws IllegalArgumentException naming the first setting that is out of range. */
    static DatabaseTimeouts of(StoreSettings settings) {
        return new DatabaseTimeouts(settings.db_connect_timeout_seconds(), settings.db_socket_timeout_seconds(),
                settings.db_statement_timeout_seconds(), settings.connection_timeout());
    }

    /**
     * How long the pool may spend checking that an idle connection is still alive before handing it out: a
     * second (Hikari's check rounds to whole seconds), at most a third of the pool wait, so that a frozen
     * database costs a request about the pool wait and not the pool wait plus a long check.
     */
    long validationMillis() {
        return Math.max(MIN_POOL_WAIT_MILLIS, Math.min(1000, poolWaitMillis / 3));
    }

    /**
     * The JDBC URL with this connect and socket timeout, replacing any the URL names (the typed settings are the
     * one place they are set); the other options of the URL are kept in their order.
     */
    String applyTo(String url) {
        return withTimeouts(url, connectSeconds * 1000, socketSeconds * 1000);
    }

    /**
     * The JDBC URL for the schema migrations: this connect timeout and no socket timeout, since a migration may
     * rebuild a large table for longer than any request's query; they run once, in the background, at start.
     */
    String applyToMigrations(String url) {
        return withTimeouts(url, connectSeconds * 1000, 0);
    }

    private static String withTimeouts(String url, int connectMillis, int socketMillis) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        Map<String, String> options = new LinkedHashMap<>();
        if (query >= 0) {
            for (String option : url.substring(query + 1).split("&")) {
                if (!option.isEmpty()) {
                    int eq = option.indexOf('=');
                    options.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? null : option.substring(eq + 1));
                }
            }
        }
        options.keySet().removeIf(k -> k.equalsIgnoreCase("connectTimeout") || k.equalsIgnoreCase("socketTimeout"));
        options.put("connectTimeout", Integer.toString(connectMillis));
        options.put("socketTimeout", Integer.toString(socketMillis));
        StringBuilder result = new StringBuilder(base);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            result.append(separator).append(option.getKey());
            if (option.getValue() != null) {
                result.append('=').append(option.getValue());
            }
            separator = '&';
        }
        return result.toString();
    }

    /** As the log names them, with the settings' units. */
    @Override
    public String toString() {
        return "connect " + connectSeconds + " s, socket " + socketSeconds + " s, statement " + statementSeconds
                + " s, pool wait " + poolWaitMillis + " ms";
    }

    private static void within(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + " seconds, was " + value);
        }
    }
}
