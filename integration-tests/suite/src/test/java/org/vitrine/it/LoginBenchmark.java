package org.vitrine.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Prints password sign-in figures; asserts nothing about time. Run with
 * {@code mvn -Pbenchmark verify -pl integration-tests/suite -Dtest=LoginBenchmark} after a build. Each
 * client signs in as its own account over and over (Argon2id m=19 MiB, t=2, p=1); rate limits are lifted
 * for the run. Prints p50/p99 latency and sign-ins per second at 1, 8 and 32 clients, and the largest
 * resident memory of the JVM during the 32-client flood.
 */
class LoginBenchmark {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final Duration RUN = Duration.ofSeconds(15);
    private static final String PASSWORD = "benchmark password of decent length";

    @Test
    void sign_in_latency_throughput_and_memory() throws Exception {
        try (VitrineInstance vitrine = VitrineInstance.fresh("login-benchmark")) {
            vitrine.setting("platform.properties", "rate.login.ip", "1000000/1m")
                    .setting("platform.properties", "rate.login.account", "1000000/1m")
                    .setting("platform.properties", "rate.register.ip", "1000000/1m")
                    .start();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 32; i++) {
                HttpResponse<String> r = client.send(json(vitrine, "/api/auth/password/register",
                        "{\"email\":\"bench" + i + "@example.org\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"B" + i + "\"}"),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("registration failed: " + r.body());
                }
            }
            System.out.println();
            System.out.println("== Vitrine sign-in benchmark (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
            for (int clients : CLIENTS) {
                run(vitrine, client, clients);
            }
        }
    }

    private static void run(VitrineInstance vitrine, HttpClient client, int clients) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong maxRss = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String body = "{\"email\":\"bench" + c + "@example.org\",\"password\":\"" + PASSWORD + "\"}";
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long begin = System.nanoTime();
                    try {
                        int status = client.send(json(vitrine, "/api/auth/password/login", body), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            latencies.add((System.nanoTime() - begin) / 1_000_000);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(t);
        }
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                maxRss.accumulateAndGet(Measure.rssKiB(vitrine.pid()), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        sampler.start();
        Thread.sleep(RUN.toMillis());
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        sampler.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        System.out.printf("%2d clients: %5d sign-ins in %.1f s = %5.1f/s, p50 %4d ms, p99 %4d ms, %d refused or failed, max JVM RSS %d MiB%n",
                clients, sorted.size(), seconds, sorted.size() / seconds, Measure.percentile(sorted, 50), Measure.percentile(sorted, 99),
                failed.get(), maxRss.get() / 1024);
    }

    private static HttpRequest json(VitrineInstance vitrine, String path, String body) {
        return HttpRequest.newBuilder(vitrine.uri(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
