package org.vitrine.it.onshape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Contract violations the fake noticed, kept until a test looks at them.
 * <p>
 * Responses are checked after they were sent (so the first, slow check of a schema never delays a client);
 * {@link #drain()} therefore first waits for checks still under way, so nothing slips past the test that caused it.
 */
final class Violations {

    private static final long SETTLE_MILLIS = TimeUnit.SECONDS.toMillis(20);

    private final List<String> found = new ArrayList<>();
    private int checksUnderWay;

    synchronized void add(String violation) {
        found.add(violation);
    }

    synchronized void checkStarted() {
        checksUnderWay++;
    }

    synchronized void checkFinished() {
        checksUnderWay--;
        notifyAll();
    }

    /** Waits for checks under way, then returns what was found and forgets it. */
    synchronized List<String> drain() {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        try {
            while (checksUnderWay > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    found.add(checksUnderWay + " response check(s) did not finish within " + SETTLE_MILLIS + " ms");
                    break;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> drained = List.copyOf(found);
        found.clear();
        return drained;
    }

    /** Fails, listing every violation, unless there was none. */
    void assertNone() {
        List<String> drained = drain();
        if (!drained.isEmpty()) {
            throw new AssertionError("the fake Onshape saw " + drained.size()
                    + " violation(s) of Onshape's API contract:\n  - " + String.join("\n  - ", drained));
        }
    }
}
