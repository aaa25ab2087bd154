package org.vitrine.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database running while Vitrine runs. The operating system tells the launcher the moment the
 * server process ends; unless Vitrine is stopping, the server is started again on the same port and data (InnoDB
 * recovers every committed transaction), after a pause that doubles with each restart counted (1 s, 2 s, 4 s, at most
 * 30 s). The connection pool reconnects by itself. Restarts are bounded: a server that stopped more than
 * {@code db.embedded.restart.max} times within {@code db.embedded.restart.window.minutes} is taken as broken (a full
 * disk, damaged files, a bad setting) and Vitrine is stopped with the reason rather than left running without its data.
 * <p>
 * {@link #state()} tells the health check what happened.
 */
final class DatabaseSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSupervisor.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** What the supervisor needs of the database: its process and a way to start it again. */
    interface Server {
        Optional<ProcessHandle> process();

        void restart() throws Exception;
    }

    private final Server server;
    private final int maxRestarts;
    private final Duration window;
    private final Consumer<String> giveUp;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitrine-db-supervisor");
        t.setDaemon(true);
        return t;
    });
    /** When the server stopped unexpectedly, within the window; guarded by this. */
    private final Deque<Instant> stops = new ArrayDeque<>();
    private boolean closed;
    private boolean gaveUp;
    private volatile Map<String, String> state = Map.of();

    /**
     * @param giveUp called once, with the reason, when the server keeps stopping; it must return quickly (the caller
     *               stops Vitrine on another thread)
     */
    DatabaseSupervisor(Server server, LifecycleSettings settings, Consumer<String> giveUp, Clock clock) {
        this.server = server;
        this.maxRestarts = settings.databaseRestarts();
        this.window = settings.restartWindow();
        this.giveUp = giveUp;
        this.clock = clock;
    }

    /** Starts watching the running server. */
    synchronized void watch() {
        Optional<ProcessHandle> process = server.process();
        if (process.isEmpty()) {
            submit(() -> stopped("the server process is not running"));
            return;
        }
        long pid = process.get().pid();
        process.get().onExit().thenRun(() -> submit(() -> stopped("the server process (pid " + pid + ") ended")));
        LOG.debug("Watching the embedded database server, pid {}", pid);
    }

    /**
     * Empty while the server has run without a hitch since Vitrine started. Otherwise {@code status} is {@code DOWN}
     * while it is being restarted (or was given up) and {@code UP} once it runs again, and {@code detail} says what
     * happened in one sentence.
     */
    Map<String, String> state() {
        return state;
    }

    private void state(String status, String detail) {
        state = Map.of("status", status, "detail", detail);
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException stopping) {
            // Vitrine is stopping: the server's end is expected
        }
    }

    private synchronized void stopped(String what) {
        if (closed || gaveUp) {
            return;
        }
        Instant now = clock.instant();
        stops.addLast(now);
        while (!stops.isEmpty() && stops.peekFirst().isBefore(now.minus(window))) {
            stops.removeFirst();
        }
        int count = stops.size();
        if (count > maxRestarts) {
            gaveUp = true;
            String reason = "The embedded database stopped unexpectedly " + count + " time(s) within " + minutes(window)
                    + ", more than the " + maxRestarts + " restart(s) allowed (db.embedded.restart.max). Its errors in the log"
                    + " say why; start Vitrine again once that is fixed.";
            state("DOWN", "the embedded database stopped unexpectedly at " + TIME.format(now) + " and was not restarted: it stopped "
                    + count + " time(s) within " + minutes(window));
            LOG.error("Vitrine stops: {} ({})", reason, what);
            giveUp.accept(reason);
            return;
        }
        Duration pause = pause(count);
        state("DOWN", "the embedded database stopped unexpectedly at " + TIME.format(now) + " and is being restarted (restart "
                + count + " of at most " + maxRestarts + " within " + minutes(window) + ")");
        LOG.error("The embedded database stopped unexpectedly ({}); starting it again in {} s (restart {} of at most {} within {})",
                what, pause.toSeconds(), count, maxRestarts, minutes(window));
        try {
            worker.schedule(this::restart, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closed meanwhile
        }
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        try {
            server.restart();
        } catch (Exception e) {
            LOG.error("The embedded database did not start again: {}", e.getMessage(), e);
            stopped("it did not start again");
            return;
        }
        Instant now = clock.instant();
        state("UP", "the embedded database was restarted at " + TIME.format(now) + " after it stopped unexpectedly ("
                + stops.size() + " restart(s) within " + minutes(window) + ")");
        LOG.warn("The embedded database runs again ({} restart(s) within {})", stops.size(), minutes(window));
        watch();
    }

    /** 1 s before the first restart in the window, then twice as long each time, at most 30 s. */
    static Duration pause(int restart) {
        long seconds = FIRST_PAUSE.toSeconds() << Math.min(Math.max(restart - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_PAUSE.toSeconds()));
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }

    /**
     * Stops supervising: a restart under way finishes first, a planned one is dropped. The server itself is left to
     * the caller, which stops it next.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        worker.shutdownNow();
    }
}
