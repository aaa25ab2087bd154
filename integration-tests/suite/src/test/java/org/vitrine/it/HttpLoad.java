package org.vitrine.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load: {@code connections} clients, each sending its next request as soon as the previous
 * answer is read, over one HTTP/1.1 client (one kept-alive connection per client). Each client stops by itself
 * at the end of the run; answers during the warm-up are not counted.
 */
final class HttpLoad {

    /**
     * What one case measured; latencies in microseconds. {@code overloaded} counts 503 answers (the server gave up
     * waiting for a database connection), {@code unexpected} any other status than the expected one.
     */
    record Result(String name, long requests, double seconds, long p50, long p99, long bytesPerResponse, long overloaded,
                  long unexpected, String firstUnexpected) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int connections;
    private final Duration warmUp;
    private final Duration run;

    HttpLoad(int connections, Duration warmUp, Duration run) {
        this.connections = connections;
        this.warmUp = warmUp;
        this.run = run;
    }

    /**
     * Runs one case: {@code request} builds the n-th request of a client (n counts from 0 per client, offset by
     * the client's number so clients do not move in step); an answer with another status than
     * {@code expected} is counted as unexpected.
     */
    Result run(String name, LongFunction<HttpRequest> request, int expected) throws Exception {
        long begin = System.nanoTime();
        long measureFrom = begin + warmUp.toNanos();
        long end = measureFrom + run.toNanos();
        AtomicReference<String> firstUnexpected = new AtomicReference<>();
        List<Future<long[]>> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            for (int c = 0; c < connections; c++) {
                long offset = c * 7919L;
                clients.add(pool.submit(() -> client(request, expected, offset, measureFrom, end, firstUnexpected)));
            }
            long requests = 0;
            long bytes = 0;
            long overloaded = 0;
            long unexpected = 0;
            long lastEnd = measureFrom;
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> f : clients) {
                long[] r = f.get();
                requests += r[0];
                bytes += r[1];
                overloaded += r[2];
                unexpected += r[3];
                lastEnd = Math.max(lastEnd, r[4]);
                latencies.add(Arrays.copyOfRange(r, HEADER, HEADER + (int) r[0]));
            }
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(name, requests, (lastEnd - measureFrom) / 1e9, Measure.percentile(all, 50), Measure.percentile(all, 99),
                    requests == 0 ? 0 : bytes / requests, overloaded, unexpected, firstUnexpected.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int HEADER = 5;

    /** {requests, bytes, overloaded, unexpected, last end (nanoTime), latency...} of the answers counted. */
    private long[] client(LongFunction<HttpRequest> request, int expected, long offset, long measureFrom, long end,
                          AtomicReference<String> firstUnexpected) {
        long[] out = new long[HEADER + 1024];
        int count = 0;
        long bytes = 0;
        long overloaded = 0;
        long unexpected = 0;
        long lastEnd = measureFrom;
        for (long n = offset; ; n++) {
            long start = System.nanoTime();
            if (start >= end) {
                break;
            }
            int status;
            int length;
            try {
                HttpResponse<byte[]> answer = client.send(request.apply(n), HttpResponse.BodyHandlers.ofByteArray());
                status = answer.statusCode();
                length = answer.body().length;
                if (status != expected && status != 503) {
                    firstUnexpected.compareAndSet(null, status + " " + answer.uri() + " " + new String(answer.body(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                status = -1;
                length = 0;
                firstUnexpected.compareAndSet(null, e.toString());
            }
            long stop = System.nanoTime();
            if (start < measureFrom) {
                continue;
            }
            if (status == 503) {
                overloaded++;
            } else if (status != expected) {
                unexpected++;
            }
            if (HEADER + count == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[HEADER + count++] = (stop - start) / 1_000;
            bytes += length;
            lastEnd = Math.max(lastEnd, stop);
        }
        out[0] = count;
        out[1] = bytes;
        out[2] = overloaded;
        out[3] = unexpected;
        out[4] = lastEnd;
        return out;
    }
}
