package org.vitrine.onshape.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.problem.DomainException;

/**
 * The one way the Onshape modules exchange HTTP with Onshape. Each exchange (connecting, the answer's headers and
 * its whole body) is over within {@code timeout.seconds}, or it is abandoned and its connection closed: a server,
 * or anything between, that sends headers and part of a body and then goes silent cannot hold a caller. Calls at
 * once are limited per {@link Lane} ({@code max.concurrency} for import jobs, {@code interactive.concurrency} for
 * people waiting and for sign-in), so people never queue behind import jobs; waiting for a free call is bounded by
 * the same deadline.
 */
public final class OnshapeTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OnshapeTransport.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** How one exchange ended, as known in {@link #finished}. */
    public enum Outcome { SUCCESS, HTTP_STATUS, TIMEOUT, CONNECTION_FAILURE, BUSY }

    private final Duration deadline;
    private final Map<Lane, Semaphore> calls = new EnumMap<>(Lane.class);
    private final ExchangeMeter meter;

    public OnshapeTransport(OnshapeConfig config) {
        this(config, ExchangeMeter.NONE);
    }

    /** A transport that counts every exchange with {@code meter}. */
    public OnshapeTransport(OnshapeConfig config, ExchangeMeter meter) {
        this.meter = meter;
        this.deadline = Duration.ofSeconds(config.timeoutSeconds());
        calls.put(Lane.BACKGROUND, new Semaphore(config.maxConcurrency(), true));
        calls.put(Lane.INTERACTIVE, new Semaphore(config.interactiveConcurrency(), true));
        calls.put(Lane.SIGN_IN, new Semaphore(config.interactiveConcurrency(), true));
    }

    /** A request to this address, with the deadline as its timeout for the headers too. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(deadline);
    }

    /**
     * Sends the request and reads the whole answer within the deadline.
     *
     * @return the answer, whatever its status
     * @throws CallFailed when no complete answer came: the deadline passed, Onshape could not be reached, or every call
     *                    of the lane stayed busy for the whole deadline; its message is fit to show people
     */
    public HttpResponse<byte[]> exchange(HttpRequest request, Lane lane) throws CallFailed {
        long started = System.nanoTime();
        Semaphore slots = calls.get(lane);
        try {
            if (!slots.tryAcquire(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failed(started, lane, request, Outcome.BUSY, null,
                        "Vitrine's calls to Onshape were all busy for " + deadline.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        CompletableFuture<HttpResponse<byte[]>> answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
            finished(started, lane, request, success ? Outcome.SUCCESS : Outcome.HTTP_STATUS, response.statusCode(), null);
            return response;
        } catch (TimeoutException e) {
            throw failed(started, lane, request, Outcome.TIMEOUT, null, late());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw failed(started, lane, request, Outcome.CONNECTION_FAILURE, cause, "Onshape could not be reached");
            }
            if (cause instanceof HttpTimeoutException) {
                throw failed(started, lane, request, Outcome.TIMEOUT, cause, late());
            }
            throw failed(started, lane, request, Outcome.CONNECTION_FAILURE, cause, "the connection to Onshape broke off");
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            // abandons an exchange still going on (its connection is closed) before the call is given back
            answer.cancel(true);
            slots.release();
        }
    }

    private String late() {
        return "Onshape did not answer completely within " + deadline.toSeconds() + " s";
    }

    private CallFailed failed(long started, Lane lane, HttpRequest request, Outcome outcome, Throwable detail, String reason) {
        finished(started, lane, request, outcome, 0, detail);
        return new CallFailed(reason);
    }

    /**
     * Where every exchange ends, once, with its outcome: the HTTP status (0 when there was no answer) and, for a
     * failure, the error behind it (for the log only).
     */
    private void finished(long started, Lane lane, HttpRequest request, Outcome outcome, int status, Throwable detail) {
        meter.record(lane, outcome, status, System.nanoTime() - started);
        if (outcome == Outcome.SUCCESS || outcome == Outcome.HTTP_STATUS) {
            LOG.debug("Onshape {} {} ({}): HTTP {}", request.method(), request.uri().getPath(), lane, status);
        } else {
            LOG.info("Onshape {} {} ({}): {}{}", request.method(), request.uri().getPath(), lane, outcome,
                    detail == null ? "" : " (" + detail + ")");
        }
    }

    private static DomainException interrupted() {
        Thread.currentThread().interrupt();
        return new DomainException(DomainException.Kind.UNAVAILABLE, "Vitrine stopped waiting for Onshape.");
    }

    /** No complete answer came; the message says why in plain words, without the network error's text. */
    public static final class CallFailed extends IOException {

        private static final long serialVersionUID = 1L;

        CallFailed(String reason) {
            super(reason, null);
        }
    }
}
