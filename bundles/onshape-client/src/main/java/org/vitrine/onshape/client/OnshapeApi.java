package org.vitrine.onshape.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.cad.Picture;
import org.vitrine.api.problem.DomainException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls Onshape's REST API politely, for one {@link Lane} of callers, through the {@link OnshapeTransport} (a
 * deadline on each whole exchange, a bounded number of calls at once per lane); a 429 is waited out when its
 * {@code Retry-After} is short and becomes a {@link RateLimitedException}, which pauses the job, when it is long; 5xx answers,
 * timeouts and network errors are retried with exponential backoff and jitter ({@code attempts} tries for import
 * jobs, at most two for people who wait), then fail with a reason in plain words; a 401 refreshes the token once, and a second 401 means
 * the grant was revoked ({@link TokenSource#rejected()}). A 403 is about a document (not shared), not the grant. Paths are relative
 * to the configured API base; no address given by a person is ever called (list pages are asked for by offset,
 * and a {@code next} link only tells that more follow).
 */
public final class OnshapeApi {

    private static final Logger LOG = LoggerFactory.getLogger(OnshapeApi.class);
    private static final String ACCEPT = "application/json;charset=UTF-8; qs=0.09";
    /** Tries of one call for people who wait: they would rather be told than wait through five deadlines. */
    static final int INTERACTIVE_ATTEMPTS = 2;
    /** Longest Retry-After waited out inside a call; longer ones pause the job. */
    static final long MAX_INLINE_WAIT_SECONDS = 10;

    private final OnshapeConfig config;
    private final OnshapeTransport transport;
    private final Lane lane;
    private final int attempts;
    private final ObjectMapper json = new ObjectMapper();

    public OnshapeApi(OnshapeConfig config, OnshapeTransport transport, Lane lane) {
        this.config = config;
        this.transport = transport;
        this.lane = lane;
        this.attempts = lane == Lane.BACKGROUND ? config.attempts() : Math.min(INTERACTIVE_ATTEMPTS, config.attempts());
    }

    /** GET a JSON resource, e.g. {@code /documents/{did}}. */
    public JsonNode get(String path, TokenSource tokens) {
        return json(call(URI.create(config.apiBase() + path), tokens, ACCEPT));
    }

    /** GET an image. */
    public Picture image(String path, TokenSource tokens) {
        HttpResponse<byte[]> response = call(URI.create(config.apiBase() + path), tokens, "image/*");
        String type = response.headers().firstValue("Content-Type").orElse("image/png").split(";")[0].trim();
        return new Picture(type.startsWith("image/") ? type : "image/png", response.body());
    }

    private HttpResponse<byte[]> call(URI uri, TokenSource tokens, String accept) {
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = transport.exchange(request(uri, tokens.authorize("GET", uri), accept), lane);
            } catch (OnshapeTransport.CallFailed failed) {
                backoff(attempt, failed.getMessage(), uri);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            switch (status) {
                case 401 -> {
                    if (refreshed) {
                        throw tokens.rejected();
                    }
                    tokens.refreshed();
                    refreshed = true;
                }
                case 403 -> throw new DomainException(DomainException.Kind.FORBIDDEN,
                        "Onshape does not let you read this document (it is private or not shared with you).");
                case 404 -> throw DomainException.notFound("Onshape has no such document (or it was deleted).");
                case 402 -> throw new DomainException(DomainException.Kind.UNAVAILABLE, "The Onshape API quota of this account is used up.");
                case 429 -> {
                    long wait = retryAfter(response);
                    if (wait > MAX_INLINE_WAIT_SECONDS || attempt >= attempts + 5) {
                        throw new RateLimitedException(wait);
                    }
                    LOG.debug("Onshape asked to wait {} s (429); waiting", wait);
                    sleep(wait * 1000);
                }
                default -> {
                    if (status >= 500) {
                        backoff(attempt, "Onshape answered HTTP " + status, uri);
                    } else {
                        throw new DomainException(DomainException.Kind.UNAVAILABLE, "Onshape answered HTTP " + status + ".");
                    }
                }
            }
        }
    }

    private HttpRequest request(URI uri, Map<String, String> authorization, String accept) {
        HttpRequest.Builder builder = transport.request(uri).header("Accept", accept);
        authorization.forEach(builder::header);
        return builder.GET().build();
    }

    /** Waits before the next attempt (exponential, with jitter), or gives up after the last one, saying why. */
    private void backoff(int attempt, String why, URI uri) {
        if (attempt >= attempts) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, why + (attempts > 1 ? " (" + attempts + " tries)." : "."));
        }
        long base = 250L << (attempt - 1);
        long wait = base + ThreadLocalRandom.current().nextLong(base);
        LOG.info("Onshape call {} failed ({}), retrying in {} ms", uri.getPath(), why, wait);
        sleep(wait);
    }

    private static long retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("1").trim();
        try {
            return Math.max(1, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private JsonNode json(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Onshape answered something that is not JSON.");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Vitrine stopped waiting for Onshape.");
        }
    }
}
