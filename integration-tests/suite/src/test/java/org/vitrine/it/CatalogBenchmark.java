package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints catalogue figures; asserts nothing about time. Run with
 * {@code mvn -Pbenchmark verify -pl integration-tests/suite -Dtest=CatalogBenchmark} after a build
 * ({@code -Dcatalog.benchmark.documents=}, {@code .warmup=} and {@code .seconds=} shorten a trial run;
 * {@code -Dcatalog.benchmark.search=database} searches without the search index module). Fills one
 * instance with 100,000 generated documents, then loads it from {@value #CONNECTIONS} connections, each
 * case {@value #WARM_UP_SECONDS} s of warm-up and {@value #RUN_SECONDS} s measured: a catalogue page (first and deep),
 * full-text searches for frequent and rare words, pages and searches that vary with every request (so the
 * catalog's cache of recent pages rarely has them), a static file of about the same size served by the same Jetty,
 * and preview downloads with and without ETag revalidation, at the documents' addresses and at the versioned ones. Prints requests per second, p50 and p99 latency, bytes
 * per answer, and each catalogue rate as a share of the static rate.
 */
class CatalogBenchmark {

    static final int DOCUMENTS = Integer.getInteger("catalog.benchmark.documents", 100_000);
    static final int DESIGNERS = 5_000;
    static final int CONNECTIONS = 32;
    static final int WARM_UP_SECONDS = Integer.getInteger("catalog.benchmark.warmup", 5);
    static final int RUN_SECONDS = Integer.getInteger("catalog.benchmark.seconds", 20);
    static final int DEEP_PAGE = 3_000;
    static final long SEED = 20_261_126L;
    static final int VERSIONED_PREVIEWS = 500;
    /** The general API budget per address, far above what 32 connections from one address can send. */
    static final String API_BUDGET = "1000000000/1m";
    /** The catalog cache as shipped (the rest of the suite turns it off, since it seeds rows behind the store's back). */
    static final String CACHE_SECONDS = "60";
    /** Where the web UI keeps its static files, served under /assets/... */
    /** lucene: searches go to the search index module, as shipped; database: to the database's FULLTEXT query. */
    static final String SEARCH = System.getProperty("catalog.benchmark.search", "lucene");
    static final Path ASSETS = Path.of("../../platform/web/src/main/resources/ui/assets").toAbsolutePath().normalize();

    @Test
    void catalogue_throughput_beside_a_static_file() throws Exception {
        try (VitrineInstance vitrine = VitrineInstance.fresh("catalog-benchmark")) {
            vitrine.setting("platform.properties", "rate.api.ip", API_BUDGET)
                    .setting("store-mariadb.properties", "catalog.cache.seconds", CACHE_SECONDS)
                    .setting("modules.properties", "search-lucene", SEARCH.equals("lucene") ? "enabled" : "disabled").start();
            System.out.println();
            System.out.println("== Vitrine catalogue benchmark (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + (VitrineInstance.externalDatabase() ? "external" : "embedded") + " MariaDB)");
            System.out.println("rate.api.ip raised to " + API_BUDGET + " so that the load from one address is not throttled;"
                    + " catalog.cache.seconds = " + CACHE_SECONDS + " as shipped");

            CatalogFill fill = new CatalogFill(vitrine, SEED);
            long begin = System.nanoTime();
            fill.fill(DOCUMENTS, DESIGNERS);
            System.out.printf("filled %,d documents (%,d designers, %,d elements, %,d tags, %,d previews) through JDBC batches in %.1f s%n",
                    DOCUMENTS, DESIGNERS, Rows.count(vitrine, "SELECT COUNT(*) FROM document_elements"),
                    Rows.count(vitrine, "SELECT COUNT(*) FROM document_tags"), Rows.count(vitrine, "SELECT COUNT(*) FROM previews"),
                    (System.nanoTime() - begin) / 1e9);

            if (SEARCH.equals("lucene")) {
                // the fill went behind the store's back: the index learns of it by a rebuild, as after a restore
                begin = System.nanoTime();
                assertEquals(202, vitrine.postAsAdmin("/api/admin/search/reindex", "{}").statusCode());
                VitrineInstance.await("the search index", Duration.ofMinutes(30), () -> {
                    try {
                        return json(vitrine, "/api/admin/search", true).path("state").asText().equals("ready");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                System.out.printf("search index (Lucene) rebuilt from the database in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            } else {
                System.out.println("search index module off: searches use the database's FULLTEXT query");
            }

            JsonNode first = json(vitrine, "/api/documents");
            assertEquals(DOCUMENTS, first.path("total").asLong(), "every generated document is listed");
            assertEquals(24, first.path("items").size(), "a page holds 24 documents by default");
            int catalogBytes = vitrine.get("/api/documents").body().getBytes(StandardCharsets.UTF_8).length;

            CatalogWords words = fill.words();
            List<String> frequent = List.of(words.rank(0), words.rank(1), words.rank(2));
            List<String> rare = new ArrayList<>();
            for (int k = words.size() - 5; k < words.size(); k++) {
                rare.add(words.rank(k));
            }
            for (String word : Stream.concat(frequent.stream(), rare.stream()).toList()) {
                JsonNode found = json(vitrine, "/api/documents?q=" + word);
                System.out.printf("  q=%-12s matches %,7d%s documents%n", word, found.path("total").asLong(),
                        found.path("totalIsLowerBound").asBoolean() ? "+" : "");
            }

            String asset = closestStaticFile(vitrine, catalogBytes);
            System.out.printf("catalogue page: %,d bytes; static file %s: %,d bytes%n", catalogBytes, asset,
                    vitrine.get(asset).body().getBytes(StandardCharsets.UTF_8).length);

            // the JIT and the database caches warm up on every kind of request before anything is measured
            new HttpLoad(CONNECTIONS, Duration.ZERO, Duration.ofSeconds(2L * WARM_UP_SECONDS)).run("warm-up", n -> get(vitrine, switch ((int) (n % 4)) {
                case 0 -> asset;
                case 1 -> "/api/documents?page=" + n % 100;
                case 2 -> "/api/documents?q=" + query(rare, n);
                default -> preview(n);
            }), 200);
            HttpLoad load = new HttpLoad(CONNECTIONS, Duration.ofSeconds(WARM_UP_SECONDS), Duration.ofSeconds(RUN_SECONDS));
            List<HttpLoad.Result> all = new ArrayList<>();
            all.add(load.run("static file " + asset, n -> get(vitrine, asset), 200));
            all.add(load.run("GET /api/documents (page 1 of 24, recent)", n -> get(vitrine, "/api/documents"), 200));
            all.add(load.run("GET /api/documents?page=" + DEEP_PAGE, n -> get(vitrine, "/api/documents?page=" + DEEP_PAGE), 200));
            all.add(load.run("search, 3 frequent words (q= as above)", n -> get(vitrine, "/api/documents?q=" + query(frequent, n)), 200));
            all.add(load.run("search, 5 rare words (q= as above)", n -> get(vitrine, "/api/documents?q=" + query(rare, n)), 200));
            all.add(load.run("GET /api/documents?page=<random of 0-1999>", n -> get(vitrine, "/api/documents?page=" + spread(n, 2_000)), 200));
            all.add(load.run("search, any word, pages 0-4", n -> get(vitrine, "/api/documents?q=" + words.rank(spread(n, words.size()))
                    + "&page=" + spread(n / words.size(), 5)), 200));
            all.add(load.run("static file again", n -> get(vitrine, asset), 200));
            all.add(load.run("preview 300x170, full download", n -> get(vitrine, preview(n)), 200));
            all.add(load.run("preview 300x170, If-None-Match -> 304", n -> HttpRequest.newBuilder(vitrine.uri(preview(n)))
                    .timeout(Duration.ofSeconds(30)).header("If-None-Match", fill.etag(documentOf(n))).GET().build(), 304));
            // the versioned addresses the catalog and document answers give (immutable for a year), for 500 documents
            List<String> versioned = new ArrayList<>();
            for (int i = 0; i < VERSIONED_PREVIEWS; i++) {
                versioned.add(json(vitrine, "/api/documents/" + documentOf(i)).path("previews").path("300x170").asText());
            }
            all.add(load.run("versioned preview, full download", n -> get(vitrine, versioned.get((int) (n % VERSIONED_PREVIEWS))), 200));
            all.add(load.run("versioned preview, If-None-Match -> 304", n -> HttpRequest.newBuilder(
                    vitrine.uri(versioned.get((int) (n % VERSIONED_PREVIEWS)))).timeout(Duration.ofSeconds(30))
                    .header("If-None-Match", fill.etag(documentOf(n % VERSIONED_PREVIEWS))).GET().build(), 304));

            System.out.println();
            System.out.printf("%d connections, %d s warm-up + %d s measured per case%n", CONNECTIONS, WARM_UP_SECONDS, RUN_SECONDS);
            System.out.printf("%-52s %9s %9s %9s %11s %6s %10s%n", "case", "req/s", "p50 ms", "p99 ms", "bytes/resp", "503", "unexpected");
            for (HttpLoad.Result r : all) {
                System.out.printf("%-52s %9.0f %9.2f %9.2f %11d %6d %10d%n", r.name(), r.perSecond(), r.p50() / 1000.0, r.p99() / 1000.0,
                        r.bytesPerResponse(), r.overloaded(), r.unexpected());
            }
            System.out.println("(503: the server waited longer than its connection timeout for a database connection)");
            double staticRate = (all.get(0).perSecond() + all.get(7).perSecond()) / 2;
            System.out.printf("%nratio to the static file (mean of its two runs, %.0f req/s; goal >= 0.5):%n", staticRate);
            for (HttpLoad.Result r : all.subList(1, 7)) {
                System.out.printf("  %-50s %.2fx%n", r.name(), r.perSecond() / staticRate);
            }
            for (HttpLoad.Result r : all) {
                assertEquals(0, r.unexpected(), r.name() + " answered unexpectedly, first: " + r.firstUnexpected());
            }
        }
    }

    /** The static file served by the same Jetty whose size is closest to the catalogue answer. */
    private static String closestStaticFile(VitrineInstance vitrine, int bytes) throws Exception {
        List<String> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ASSETS)) {
            files.filter(Files::isRegularFile).forEach(f -> candidates.add("/assets/" + ASSETS.relativize(f).toString().replace('\\', '/')));
        }
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (String candidate : candidates) {
            HttpResponse<String> answer = vitrine.get(candidate);
            long distance = Math.abs(answer.body().getBytes(StandardCharsets.UTF_8).length - (long) bytes);
            if (answer.statusCode() == 200 && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no static file is served among " + candidates);
        }
        return best;
    }

    private static int documentOf(long n) {
        return 1 + spread(n, DOCUMENTS);
    }

    /** The n-th request's pick among {@code count} (0 to count - 1), scattered so that neighbours differ. */
    private static int spread(long n, int count) {
        return (int) Math.floorMod(n * 2_654_435_761L, (long) count);
    }

    private static String preview(long n) {
        return "/api/documents/" + documentOf(n) + "/previews/300x170";
    }

    private static String query(List<String> words, long n) {
        return URLEncoder.encode(words.get((int) (n % words.size())), StandardCharsets.UTF_8);
    }

    private static HttpRequest get(VitrineInstance vitrine, String path) {
        return HttpRequest.newBuilder(vitrine.uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static JsonNode json(VitrineInstance vitrine, String path) throws Exception {
        return json(vitrine, path, false);
    }

    private static JsonNode json(VitrineInstance vitrine, String path, boolean asAdmin) throws Exception {
        HttpResponse<String> answer = asAdmin ? vitrine.getAsAdmin(path) : vitrine.get(path);
        assertEquals(200, answer.statusCode(), path + " answered " + answer.body());
        return VitrineInstance.JSON.readTree(answer.body());
    }
}
