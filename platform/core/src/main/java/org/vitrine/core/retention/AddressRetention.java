package org.vitrine.core.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.retention.AddressLog;
import org.vitrine.api.retention.AddressStore;
import org.vitrine.api.retention.ExpiringData;
import org.vitrine.api.retention.StoredAddress;

/**
 * Keeps client addresses whole for the retention period ({@code retention.ip.days}, 90 by default) and no longer:
 * a job, every few hours and when an admin asks, shortens the older addresses in the audit log, reports, consent
 * records and contact messages (see {@link IpAnonymiser}) and marks them anonymised, and deletes access log
 * archives older than the period. Then every {@link ExpiringData} a module registers removes what is past its own
 * period (the mail module's spooled messages, for one). It works in batches, so a large backlog never holds a long
 * transaction; each run is audited ({@code retention.run}).
 */
// the PID's metatype is designated by the catalog settings; these are read through the typed annotation all the same
@Component(service = AddressRetention.class, configurationPid = AddressRetention.PID)
public class AddressRetention {

    /** The platform's settings ({@code config/platform.properties}). */
    static final String PID = "org.vitrine.web";
    static final String ACTION = "retention.run";
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AddressRetention.class);

    /**
     * What one run did.
     *
     * @param cutoff      addresses dated before this were shortened
     * @param anonymised  how many rows were changed, per log
     * @param logArchives how many access log archives were deleted
     * @param expired     what each module's {@link ExpiringData} removed, by its name
     */
    public record Result(Instant cutoff, int retentionDays, Map<AddressLog, Integer> anonymised, int logArchives,
                         Map<String, Integer> expired) {
    }

    private final AddressStore addresses;
    private final AuditLog audit;
    private final AccessLogArchives archives;
    private final ScheduledExecutorService scheduler;
    private final List<ExpiringData> expiring = new CopyOnWriteArrayList<>();
    private volatile RetentionSettings settings;
    private ScheduledFuture<?> schedule;

    @Activate
    public AddressRetention(BundleContext context, RetentionSettings settings, @Reference AddressStore addresses,
                            @Reference AuditLog audit) {
        this.addresses = addresses;
        this.audit = audit;
        this.archives = new AccessLogArchives(logsFolder(context), ZoneId.systemDefault());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-address-retention");
            t.setDaemon(true);
            return t;
        });
        configure(settings);
    }

    @Modified
    synchronized void configure(RetentionSettings changed) {
        this.settings = changed;
        if (schedule != null) {
            schedule.cancel(false);
        }
        long hours = Math.max(1, Math.min(24, changed.retention_run_hours()));
        // the first run waits ten minutes, so start-up is not slowed by a backlog
        schedule = scheduler.scheduleWithFixedDelay(this::scheduledRun, TimeUnit.MINUTES.toSeconds(10),
                TimeUnit.HOURS.toSeconds(hours), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    /** How many days client addresses are kept whole: what the job applies, and what the privacy page states. */
    public int retentionDays() {
        return Math.max(1, Math.min(3650, settings.retention_ip_days()));
    }

    /** Runs the job now, as {@code actor} (an admin, or {@code system} for the schedule). */
    public synchronized Result run(String actor, String ip) {
        int days = retentionDays();
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(days));
        Map<AddressLog, Integer> changed = new EnumMap<>(AddressLog.class);
        for (AddressLog log : AddressLog.values()) {
            changed.put(log, anonymise(log, cutoff));
        }
        int deleted = archives.deleteOlderThan(cutoff);
        Map<String, Integer> expired = new TreeMap<>();
        for (ExpiringData data : expiring) {
            expired.merge(data.name(), data.removeExpired(now), Integer::sum);
        }
        Result result = new Result(cutoff, days, changed, deleted, expired);
        audit.append(new AuditEvent(Instant.now(), actor, ACTION, null, ip, "success",
                "older than " + days + " days: " + changed + ", access log archives deleted: " + deleted
                        + (expired.isEmpty() ? "" : ", past their own retention: " + expired)));
        return result;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExpiring(ExpiringData data) {
        expiring.add(data);
    }

    void removeExpiring(ExpiringData data) {
        expiring.remove(data);
    }

    private int anonymise(AddressLog log, Instant cutoff) {
        int total = 0;
        while (true) {
            List<StoredAddress> batch = addresses.notAnonymisedBefore(log, cutoff, BATCH);
            if (batch.isEmpty()) {
                return total;
            }
            Map<Long, String> shortened = new HashMap<>();
            batch.forEach(a -> shortened.put(a.id(), IpAnonymiser.anonymise(a.ip())));
            int changed = addresses.replace(log, shortened);
            total += changed;
            if (changed == 0 || batch.size() < BATCH) {
                return total;
            }
        }
    }

    private void scheduledRun() {
        try {
            Result result = run("system", null);
            LOG.info("Address retention: {} rows shortened, {} access log archives deleted (older than {} days); expired: {}",
                    result.anonymised().values().stream().mapToInt(Integer::intValue).sum(), result.logArchives(),
                    result.retentionDays(), result.expired());
        } catch (DomainException e) {
            LOG.warn("Address retention skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Address retention failed", e);
        }
    }

    private static Path logsFolder(BundleContext context) {
        String logs = System.getProperty("vitrine.logs.dir");
        if (logs != null && !logs.isBlank()) {
            return Path.of(logs);
        }
        String data = context.getProperty("vitrine.data.dir");
        return Path.of(data == null ? "data" : data, "logs");
    }
}
