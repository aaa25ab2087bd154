package org.vitrine.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Ready means answering: bundles are ACTIVE a good while before the REST endpoints do, so readiness is
 * probed over HTTP on {@code /api/health}.
 */
final class ReadinessProbe {

    private ReadinessProbe() {
    }

    /**
     * Waits until the health endpoint answers 200; returns its body, or null as soon as {@code stopping} holds (Vitrine
     * stops before it was ready), or throws after the timeout.
     */
    static String await(String baseUrl, Duration timeout, BooleanSupplier stopping) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (stopping.getAsBoolean()) {
                return null;
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(20);
        }
        throw new IOException("Vitrine did not become ready within " + timeout.toSeconds() + " s (last answer: " + last + ")");
    }
}
