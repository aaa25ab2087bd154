package org.vitrine.it;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Prints start-up and module-switching figures; asserts nothing about time. Run with
 * {@code mvn -Pbenchmark verify -pl integration-tests/suite} after a build ({@code mvn -DskipTests install}).
 * Figures: cold start to the first 200 on /api/health (median of 5, clean and warm data folder), resident
 * memory after start, and module disable/enable latency while four clients load another endpoint (median of
 * 10, failed requests counted).
 */
class PlatformBenchmark {

    private static final int STARTS = 5;
    private static final int SWITCHES = 10;

    @Test
    void start_up_memory_and_module_switching() throws Exception {
        List<Long> clean = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        long javaRss = 0;
        long dbRss = 0;
        try (VitrineInstance vitrine = VitrineInstance.fresh("benchmark")) {
            for (int i = 0; i < STARTS; i++) {
                deleteTree(vitrine.home.resolve("data"));
                clean.add(timedStart(vitrine));
                vitrine.stop();
            }
            for (int i = 0; i < STARTS; i++) {
                warm.add(timedStart(vitrine));
                if (i < STARTS - 1) {
                    vitrine.stop();
                }
            }
            Thread.sleep(2000);
            javaRss = Measure.rssKiB(vitrine.pid());
            dbRss = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(vitrine.home.toString())).orElse(false))
                    .mapToLong(p -> Measure.rssKiB(p.pid())).sum();

            Files.copy(VitrineInstance.ECHO_JAR, vitrine.home.resolve("deploy/echo.jar"), StandardCopyOption.REPLACE_EXISTING);
            VitrineInstance.await("echo", Duration.ofSeconds(30), () -> status(vitrine, "/api/echo") == 200);
            switching(vitrine);
        }
        System.out.println();
        System.out.println("== Vitrine platform benchmark (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf("cold start to first 200 on /api/health, clean data dir: median %d ms  (all: %s)%n", Measure.percentile(clean, 50), clean);
        System.out.printf("cold start to first 200 on /api/health, warm data dir:  median %d ms  (all: %s)%n", Measure.percentile(warm, 50), warm);
        System.out.printf("resident memory after start: JVM %d MiB, embedded MariaDB %d MiB%n", javaRss / 1024, dbRss / 1024);
    }

    private static void switching(VitrineInstance vitrine) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        HttpClient client = HttpClient.newHttpClient();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                HttpRequest health = HttpRequest.newBuilder(vitrine.uri("/api/health")).build();
                while (running.get()) {
                    try {
                        (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            load.add(t);
        }
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        try {
            for (int i = 0; i < SWITCHES; i++) {
                long begin = System.nanoTime();
                vitrine.putAsAdmin("/api/admin/modules/echo", "{\"enabled\": false}");
                VitrineInstance.await("echo off", Duration.ofSeconds(30), () -> status(vitrine, "/api/echo") == 404);
                off.add((System.nanoTime() - begin) / 1_000_000);
                begin = System.nanoTime();
                vitrine.putAsAdmin("/api/admin/modules/echo", "{\"enabled\": true}");
                VitrineInstance.await("echo on", Duration.ofSeconds(30), () -> status(vitrine, "/api/echo") == 200);
                on.add((System.nanoTime() - begin) / 1_000_000);
            }
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
        }
        System.out.printf("%nmodule disable until its endpoint answers 404: median %d ms (all: %s)%n", Measure.percentile(off, 50), off);
        System.out.printf("module enable until its endpoint answers 200:  median %d ms (all: %s)%n", Measure.percentile(on, 50), on);
        System.out.printf("concurrent load on /api/health meanwhile: %d requests, %d failed%n", ok.get() + failed.get(), failed.get());
    }

    private static long timedStart(VitrineInstance vitrine) throws Exception {
        long begin = System.nanoTime();
        vitrine.start();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    private static int status(VitrineInstance vitrine, String path) {
        try {
            return vitrine.get(path).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }



    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
