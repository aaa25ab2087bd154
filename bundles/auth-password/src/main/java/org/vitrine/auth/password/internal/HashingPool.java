package org.vitrine.auth.password.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.TooManyRequestsException;

/**
 * Runs password hashing on a few threads with a bounded queue. Each Argon2id hash takes ~19 MiB, so memory
 * stays bounded by threads × 19 MiB however many sign-ins arrive; beyond the queue, sign-ins are refused
 * with 429 and a short Retry-After rather than piling up.
 */
final class HashingPool {

    private final ThreadPoolExecutor executor;

    HashingPool(int threads, int queue) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        executor = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), r -> {
            Thread t = new Thread(r, "vitrine-password-hashing");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work);
        } catch (RejectedExecutionException busy) {
            throw new TooManyRequestsException("Too many sign-ins are being checked right now; try again in a moment.", 1);
        }
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Checking the password took too long; try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
