package org.vitrine.store.mariadb.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.mariadb.jdbc.MariaDbDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.problem.DomainException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connection pool, the schema migrations and the MyBatis session factory. Connecting is retried in
 * the background, so a database that comes up after Vitrine is picked up without a restart; until then
 * the health probe reports the database DOWN with the reason. Every wait on the database is bounded
 * ({@link DatabaseTimeouts}): while it is frozen or cut off, requests are answered 503 within seconds, and the
 * pool replaces the dead connections once it answers again. The pool reports its connections (active, idle,
 * pending), how long requests waited for one and how many gave up, as {@code hikaricp_*} meters.
 */
@Component(service = Database.class, configurationPid = "org.vitrine.store.mariadb")
@Designate(ocd = StoreSettings.class)
public class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long RETRY_SECONDS = 5;

    private final String url;
    private final String user;
    private final String password;
    private final ScheduledExecutorService connector;
    private volatile StoreSettings settings;
    private volatile DatabaseTimeouts timeouts;
    private volatile MariaDbDataSource driver;
    private volatile HikariDataSource pool;
    private volatile SqlSessionFactory sessions;
    private volatile String schemaVersion;
    private volatile String failure = "connecting";

    /** Where the pool's meters go, once the platform provides it (before or after the pool is made). */
    private volatile MeterRegistry meters;

    @Activate
    public Database(BundleContext context, StoreSettings settings) {
        this.url = context.getProperty("vitrine.db.url");
        this.user = context.getProperty("vitrine.db.user");
        this.password = context.getProperty("vitrine.db.password");
        this.settings = settings;
        this.timeouts = checked(settings, DatabaseTimeouts.DEFAULTS);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-store-connect");
            t.setDaemon(true);
            return t;
        });
        connector.execute(this::connect);
    }

    @Modified
    void modified(StoreSettings changed) {
        this.settings = changed;
        DatabaseTimeouts previous = timeouts;
        DatabaseTimeouts next = checked(changed, previous);
        this.timeouts = next;
        HikariDataSource current = pool;
        if (current != null) {
            current.getHikariConfigMXBean().setMaximumPoolSize(poolSize(changed));
            current.getHikariConfigMXBean().setConnectionTimeout(next.poolWaitMillis());
            current.getHikariConfigMXBean().setValidationTimeout(next.validationMillis());
            LOG.info("Store pool resized to {}", poolSize(changed));
        }
        SqlSessionFactory factory = sessions;
        if (factory != null) {
            factory.getConfiguration().setDefaultStatementTimeout(next.statementSeconds());
        }
        MariaDbDataSource currentDriver = driver;
        if (currentDriver != null && current != null
                && (next.connectSeconds() != previous.connectSeconds() || next.socketSeconds() != previous.socketSeconds())) {
            try {
                currentDriver.setUrl(next.applyTo(url));
                // open connections keep the times they were opened with: replace them as they come back
                current.getHikariPoolMXBean().softEvictConnections();
                LOG.info("Store connections now open within {} s and give up after {} s of silence",
                        next.connectSeconds(), next.socketSeconds());
            } catch (SQLException e) {
                LOG.error("Store connection timeouts not changed: {}", rootMessage(e));
            }
        }
    }

    /** The settings' times, or {@code fallback} (with the reason in the log) when one is out of range. */
    private static DatabaseTimeouts checked(StoreSettings settings, DatabaseTimeouts fallback) {
        try {
            return DatabaseTimeouts.of(settings);
        } catch (IllegalArgumentException e) {
            LOG.error("store-mariadb.properties: {}; the database times stay: {}", e.getMessage(), fallback);
            return fallback;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeters(MeterRegistry registry) {
        meters = registry;
        HikariDataSource current = pool;
        if (current != null) {
            attachMeters(current);
        }
    }

    void unbindMeters(MeterRegistry registry) {
        if (meters == registry) {
            meters = null;
        }
    }

    /** Lets the pool report into the registry, once: Hikari takes a metrics tracker only one time per pool. */
    private synchronized void attachMeters(HikariDataSource target) {
        MeterRegistry registry = meters;
        if (registry != null && target.getMetricsTrackerFactory() == null && !target.isClosed()) {
            target.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    @Deactivate
    void deactivate() {
        connector.shutdownNow();
        HikariDataSource current = pool;
        pool = null;
        sessions = null;
        if (current != null) {
            current.close();
        }
    }

    private void connect() {
        if (url == null || url.isBlank()) {
            failure = "no database configured (vitrine.db.url is empty)";
            return;
        }
        HikariDataSource candidate = null;
        try {
            DatabaseTimeouts times = timeouts;
            MariaDbDataSource mariadb = driver(times.applyTo(url));
            HikariConfig config = new HikariConfig();
            config.setPoolName("vitrine");
            config.setDataSource(mariadb);
            config.setMaximumPoolSize(poolSize(settings));
            config.setConnectionTimeout(times.poolWaitMillis());
            config.setValidationTimeout(times.validationMillis());
            config.setInitializationFailTimeout(1);
            candidate = new HikariDataSource(config);
            ClassLoader bundleLoader = Database.class.getClassLoader();
            // Flyway finds the migrations only through this bundle's class loader (without it: zero applied);
            // it gets connections of its own, without the socket timeout that bounds requests' queries
            MigrateResult result = Flyway.configure(bundleLoader)
                    .dataSource(driver(times.applyToMigrations(url)))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            sessions = buildSessions(candidate, times.statementSeconds());
            driver = mariadb;
            pool = candidate;
            failure = null;
            attachMeters(candidate);
            LOG.info("Metadata store ready: schema version {} ({} migrations applied now)", schemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException | SQLException e) {
            if (candidate != null) {
                candidate.close();
            }
            String reason = rootMessage(e);
            if (!reason.equals(failure)) {
                LOG.error("Metadata store unavailable, retrying every {} s: {}", RETRY_SECONDS, reason);
            }
            failure = reason;
            if (!connector.isShutdown()) {
                connector.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private MariaDbDataSource driver(String urlWithTimeouts) throws SQLException {
        MariaDbDataSource mariadb = new MariaDbDataSource(urlWithTimeouts);
        mariadb.setUser(user);
        mariadb.setPassword(password);
        return mariadb;
    }

    private static SqlSessionFactory buildSessions(HikariDataSource dataSource, int statementSeconds) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // MyBatis resolves mapper XML and type names through the context class loader while it builds
        thread.setContextClassLoader(Database.class.getClassLoader());
        try {
            Configuration configuration = new Configuration(new Environment("vitrine", new JdbcTransactionFactory(), dataSource));
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setDefaultStatementTimeout(statementSeconds);
            // mappers are registered one by one: package scanning finds none inside OSGi
            configuration.addMapper(AuditMapper.class);
            configuration.addMapper(AccountMapper.class);
            configuration.addMapper(DocumentMapper.class);
            configuration.addMapper(PreviewMapper.class);
            configuration.addMapper(LicenceMapper.class);
            configuration.addMapper(SearchMapper.class);
            configuration.addMapper(DesignerMapper.class);
            configuration.addMapper(ImportJobMapper.class);
            configuration.addMapper(IdentityMapper.class);
            configuration.addMapper(ConsentMapper.class);
            configuration.addMapper(ReportMapper.class);
            configuration.addMapper(ContactRequestMapper.class);
            configuration.addMapper(AddressMapper.class);
            configuration.addMapper(PrivacyMapper.class);
            configuration.addMapper(KnownDeviceMapper.class);
            return new SqlSessionFactoryBuilder().build(configuration);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The session factory, or a 503 while the database is unreachable. The 503 does not quote the reason (a driver's
     * text names hosts, ports and accounts): that is in the log and on the health page.
     */
    SqlSessionFactory sessions() {
        SqlSessionFactory current = sessions;
        if (current == null) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The database is unavailable; try again in a moment.");
        }
        return current;
    }

    /** Why the store is not ready, or {@code null} when it is. */
    String failure() {
        return failure;
    }

    String schemaVersion() {
        return schemaVersion;
    }

    /** Checks one pooled connection; returns what is wrong, or {@code null} when the database answers. */
    String ping() {
        HikariDataSource current = pool;
        if (current == null) {
            return failure;
        }
        try (Connection c = current.getConnection()) {
            return c.isValid(1) ? null : "the database did not answer within a second";
        } catch (SQLException e) {
            return rootMessage(e);
        }
    }

    private static int poolSize(StoreSettings s) {
        return Math.max(1, Math.min(200, s.pool_size()));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
