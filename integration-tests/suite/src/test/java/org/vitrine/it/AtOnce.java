package org.vitrine.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Sends the same request from several threads released together, as a race between two tabs or attackers would. */
final class AtOnce {

    private AtOnce() {
    }

    /** The statuses of {@code times} simultaneous calls, in no particular order. */
    static List<Integer> statuses(int times, Callable<Browser.Reply> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Browser.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Browser.Reply> reply : replies) {
                statuses.add(reply.get(90, TimeUnit.SECONDS).status());
            }
            statuses.sort(null);
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
