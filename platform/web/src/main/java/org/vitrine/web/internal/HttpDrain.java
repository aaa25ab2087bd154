package org.vitrine.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of Vitrine's ordered stop, called by the launcher before it stops the modules: the HTTP server stops
 * accepting connections (a new one is refused by the operating system), finishes the requests it has received (each
 * answer closes its connection), closes idle connections a second later, and this returns once every connection is
 * closed or the grace period is over. Until then every module still runs, so no request meets a half-stopped Vitrine.
 * <p>
 * The launcher and the bundles share only {@code java.*} types, so this is offered as a
 * {@code Function<Duration, Integer>} (the grace period in, the number of connections still open when it ended out)
 * under the service property {@value #SERVICE_PROPERTY}={@value #SERVICE_VALUE}.
 */
final class HttpDrain implements Function<Duration, Integer> {

    static final String SERVICE_PROPERTY = "vitrine.lifecycle";
    static final String SERVICE_VALUE = "http-drain";
    private static final Logger LOG = LoggerFactory.getLogger(HttpDrain.class);

    private final List<Connector> connectors;

    /** Drains these connectors: the server's own, those with a socket. */
    HttpDrain(List<Connector> connectors) {
        this.connectors = List.copyOf(connectors);
    }

    @Override
    public Integer apply(Duration grace) {
        long begin = System.nanoTime();
        int open = openConnections();
        CompletableFuture<?>[] closing = connectors.stream().map(Connector::shutdown).toArray(CompletableFuture[]::new);
        LOG.info("HTTP: no longer accepting connections; finishing the requests of {} open connection(s) within {} s",
                open, grace.toSeconds());
        try {
            CompletableFuture.allOf(closing).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // reported below
        } catch (ExecutionException e) {
            LOG.warn("HTTP: a connector did not close cleanly: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = openConnections();
        if (left == 0) {
            LOG.info("HTTP: every request answered and every connection closed in {} ms", (System.nanoTime() - begin) / 1_000_000);
        } else {
            LOG.warn("HTTP: {} connection(s) still busy after the grace period of {} s; they are cut", left, grace.toSeconds());
        }
        return left;
    }

    private int openConnections() {
        return connectors.stream().mapToInt(c -> c.getConnectedEndPoints().size()).sum();
    }
}
