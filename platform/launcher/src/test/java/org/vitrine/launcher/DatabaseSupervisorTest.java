package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With a real process standing in for the database server: its end is noticed, it is restarted, within limits. */
class DatabaseSupervisorTest {

    /** A "server" that is a {@code sleep} process; restarting starts a new one. */
    private static final class SleepingServer implements DatabaseSupervisor.Server {
        private final AtomicInteger starts = new AtomicInteger();
        private volatile Process process;

        SleepingServer() throws IOException {
            start();
        }

        private void start() throws IOException {
            process = new ProcessBuilder("sleep", "60").start();
            starts.incrementAndGet();
        }

        @Override
        public Optional<ProcessHandle> process() {
            Process current = process;
            return current.isAlive() ? Optional.of(current.toHandle()) : Optional.empty();
        }

        @Override
        public void restart() throws IOException {
            start();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    private SleepingServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void a_server_that_ends_is_started_again_and_the_state_says_so() throws Exception {
        server = new SleepingServer();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (DatabaseSupervisor supervisor = new DatabaseSupervisor(server, new LifecycleSettings(Duration.ZERO, 3,
                Duration.ofMinutes(10)), gaveUp::complete, Clock.systemUTC())) {
            supervisor.watch();
            assertEquals(Map.of(), supervisor.state(), "nothing to report while all is well");
            server.kill();
            await(() -> "DOWN".equals(supervisor.state().get("status"))
                    && supervisor.state().get("detail").contains("is being restarted (restart 1 of at most 3"));
            await(() -> server.starts.get() == 2);
            await(() -> "UP".equals(supervisor.state().get("status")) && supervisor.state().get("detail").contains("was restarted at"));
            assertTrue(server.process().isPresent());
            assertTrue(!gaveUp.isDone());
        }
    }

    @Test
    void a_server_that_keeps_ending_is_given_up_with_the_reason() throws Exception {
        server = new SleepingServer();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (DatabaseSupervisor supervisor = new DatabaseSupervisor(server, new LifecycleSettings(Duration.ZERO, 1,
                Duration.ofMinutes(10)), gaveUp::complete, Clock.systemUTC())) {
            supervisor.watch();
            server.kill();
            await(() -> server.starts.get() == 2 && "UP".equals(supervisor.state().get("status")));
            server.kill();
            String reason = gaveUp.get(10, TimeUnit.SECONDS);
            assertEquals("The embedded database stopped unexpectedly 2 time(s) within 10 min, more than the 1 restart(s) "
                    + "allowed (db.embedded.restart.max). Its errors in the log say why; start Vitrine again once that is fixed.",
                    reason);
            Thread.sleep(1500);
            assertEquals(2, server.starts.get(), "not restarted again");
            assertEquals("DOWN", supervisor.state().get("status"));
        }
    }

    @Test
    void a_server_stopped_after_closing_is_not_restarted() throws Exception {
        server = new SleepingServer();
        DatabaseSupervisor supervisor = new DatabaseSupervisor(server, LifecycleSettings.DEFAULTS, reason -> { }, Clock.systemUTC());
        supervisor.watch();
        supervisor.close();
        server.kill();
        Thread.sleep(1500);
        assertEquals(1, server.starts.get());
        assertEquals(Map.of(), supervisor.state());
    }

    @Test
    void the_pause_doubles_up_to_thirty_seconds() {
        assertEquals(Duration.ofSeconds(1), DatabaseSupervisor.pause(1));
        assertEquals(Duration.ofSeconds(2), DatabaseSupervisor.pause(2));
        assertEquals(Duration.ofSeconds(16), DatabaseSupervisor.pause(5));
        assertEquals(Duration.ofSeconds(30), DatabaseSupervisor.pause(6));
        assertEquals(Duration.ofSeconds(30), DatabaseSupervisor.pause(60));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}
