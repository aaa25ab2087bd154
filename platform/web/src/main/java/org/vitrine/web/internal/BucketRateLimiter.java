package org.vitrine.web.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.ratelimit.TooManyRequestsException;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per policy and key, in memory. Budgets come from {@code config/platform.properties}
 * as {@code rate.<policy> = <requests>/<period>} over the defaults below, and apply without a restart.
 * Idle buckets are dropped every ten minutes, so memory stays bounded by recent callers.
 */
@Component(service = {RateLimiter.class, BucketRateLimiter.class}, configurationPid = "org.vitrine.web")
public class BucketRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(BucketRateLimiter.class);
    private static final Pattern BUDGET = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d*)\\s*([smh])\\s*");
    /** Defaults: generous for people, tight for guessing. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("api.ip", "1200/1m"),
            Map.entry("login.ip", "30/1m"),
            Map.entry("login.account", "10/1m"),
            Map.entry("login.device", "10/1m"),
            Map.entry("register.ip", "20/1h"),
            Map.entry("register.notice", "1/1h"),
            Map.entry("twofactor.account", "10/1m"),
            Map.entry("password.account", "5/1m"),
            Map.entry("report.ip", "10/1h"),
            Map.entry("contact.ip", "5/1h"),
            Map.entry("verify.account", "5/1h"),
            Map.entry("reset.ip", "10/1h"),
            Map.entry("reset.address", "3/1h"));

    private final Map<String, Bandwidth> policies = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner;

    @Activate
    public BucketRateLimiter(Map<String, Object> properties) {
        configure(properties);
        cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-rate-limit-cleaner");
            t.setDaemon(true);
            return t;
        });
        cleaner.scheduleWithFixedDelay(this::dropFullBuckets, 10, 10, TimeUnit.MINUTES);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, String> budgets = new java.util.HashMap<>(DEFAULTS);
        properties.forEach((key, value) -> {
            if (key.startsWith("rate.")) {
                budgets.put(key.substring(5), String.valueOf(value));
            }
        });
        budgets.forEach((policy, budget) -> {
            try {
                policies.put(policy, parse(budget));
            } catch (IllegalArgumentException e) {
                LOG.error("config/platform.properties: key 'rate.{}': {}; keeping the previous budget", policy, e.getMessage());
            }
        });
        buckets.clear();
    }

    @Deactivate
    void deactivate() {
        cleaner.shutdownNow();
    }

    @Override
    public void consume(String policy, String key) {
        Bandwidth bandwidth = policies.get(policy);
        if (bandwidth == null) {
            throw new IllegalArgumentException("no rate-limit policy '" + policy + "'");
        }
        Bucket bucket = buckets.computeIfAbsent(policy + "\u0000" + key, k -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw new TooManyRequestsException("Too many requests; try again in " + seconds + " s.", seconds);
        }
    }

    static Bandwidth parse(String budget) {
        Matcher m = BUDGET.matcher(budget);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + budget + "' is not <requests>/<period>, e.g. 20/1m");
        }
        long requests = Long.parseLong(m.group(1));
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        if (requests < 1 || amount < 1) {
            throw new IllegalArgumentException("'" + budget + "' must allow at least 1 request per period");
        }
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build();
    }

    private void dropFullBuckets() {
        buckets.entrySet().removeIf(e -> {
            String policy = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            Bandwidth b = policies.get(policy);
            return b == null || e.getValue().getAvailableTokens() >= b.getCapacity();
        });
    }
}
