package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.mail.internal.MailSpool.Place;

class OutboxSenderTest {

    private static final String EML = "To: ann@example.org\r\nX-Vitrine-Template: NEWSLETTER\r\nSubject: Hi\r\n\r\nbody\r\n";

    @TempDir
    Path dir;

    private final List<MailSpool.Entry> failures = new CopyOnWriteArrayList<>();

    @Test
    void a_delivered_message_leaves_the_outbox() throws Exception {
        MailSpool spool = new MailSpool(dir);
        AtomicInteger deliveries = new AtomicInteger();
        OutboxSender sender = new OutboxSender(spool, () -> options("smtp.example.org", 3), (eml, o) -> deliveries.incrementAndGet(),
                failures::add, Clock.systemUTC());
        String id = spooled(spool);
        sender.attempt(id);
        assertEquals(1, deliveries.get());
        assertTrue(spool.entries().isEmpty());
        assertTrue(failures.isEmpty());
    }

    @Test
    void after_the_last_failed_attempt_a_message_is_set_aside_and_reported() throws Exception {
        MailSpool spool = new MailSpool(dir);
        OutboxSender sender = new OutboxSender(spool, () -> options("smtp.example.org", 3), (eml, o) -> {
            throw new ConnectException("Connection refused");
        }, failures::add, Clock.systemUTC());
        String id = spooled(spool);
        try {
            sender.start();
            await(() -> !failures.isEmpty());
        } finally {
            sender.stop();
        }
        assertEquals(1, failures.size());
        MailSpool.Entry failed = failures.get(0);
        assertEquals(id, failed.id());
        assertEquals(Place.FAILED, failed.place());
        assertEquals(3, failed.attempts());
        assertEquals("Connection refused", failed.lastError());
        assertTrue(spool.outboxIds().isEmpty());
    }

    @Test
    void a_failed_message_retried_by_an_admin_starts_afresh() throws Exception {
        MailSpool spool = new MailSpool(dir);
        AtomicInteger deliveries = new AtomicInteger();
        OutboxSender sender = new OutboxSender(spool, () -> options("smtp.example.org", 1), (eml, o) -> {
            if (deliveries.incrementAndGet() == 1) {
                throw new ConnectException("Connection refused");
            }
        }, failures::add, Clock.systemUTC());
        String id = spooled(spool);
        sender.attempt(id);
        assertEquals(Place.FAILED, spool.entries().get(0).place());
        try {
            assertTrue(sender.retry(id));
            await(() -> spool.entries().isEmpty());
        } finally {
            sender.stop();
        }
        assertEquals(2, deliveries.get());
        assertTrue(spool.entries().isEmpty());
    }

    @Test
    void when_smtp_is_switched_off_waiting_messages_are_written_to_the_mail_folder() throws Exception {
        MailSpool spool = new MailSpool(dir);
        OutboxSender sender = new OutboxSender(spool, () -> options("", 3), (eml, o) -> {
            throw new AssertionError("no SMTP server");
        }, failures::add, Clock.systemUTC());
        String id = spooled(spool);
        sender.attempt(id);
        assertTrue(Files.isRegularFile(dir.resolve(id + ".eml")));
        assertTrue(spool.entries().isEmpty());
    }

    @Test
    @Timeout(30)
    void work_on_the_spool_waits_for_a_stuck_delivery_only_until_its_deadline_and_runs_once_the_sender_is_free() throws Exception {
        MailSpool spool = new MailSpool(dir);
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxSender sender = new OutboxSender(spool, () -> options("smtp.example.org", 3), (eml, o) -> {
            delivering.countDown();
            release.await();
        }, failures::add, Clock.systemUTC());
        AtomicInteger ran = new AtomicInteger();
        spooled(spool);
        try {
            sender.start();
            assertTrue(delivering.await(10, TimeUnit.SECONDS), "the delivery started");
            IOException busy = assertThrows(IOException.class, () -> sender.exclusively(ran::incrementAndGet, Duration.ofMillis(200)));
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            assertEquals(0, ran.get(), "nothing ran beside the delivery");
            release.countDown();
            await(() -> ran.get() == 1);
            assertEquals(1, ran.get(), "the queued work ran once the sender was free");
        } finally {
            release.countDown();
            sender.stop();
        }
    }

    @Test
    void a_failure_noted_in_the_logs_never_names_the_recipient() {
        assertEquals("550 5.1.1 <(the recipient)>: Recipient address rejected",
                OutboxSender.withoutAddress("550 5.1.1 <Ann.Example@Example.org>: Recipient address rejected", "ann.example@example.org"));
        assertEquals("Connection refused", OutboxSender.withoutAddress("Connection refused", null));
    }

    @Test
    void waits_double_after_each_failure_up_to_six_hours() {
        MailOptions o = options("smtp.example.org", 10);
        assertEquals(Duration.ZERO, o.delayAfter(1));
        MailOptions slow = new MailOptions("h", 25, MailOptions.Security.NONE, "", "", Duration.ofSeconds(5), "a@b.c", "en", 30,
                Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), slow.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), slow.delayAfter(2));
        assertEquals(Duration.ofSeconds(240), slow.delayAfter(4));
        assertEquals(Duration.ofHours(6), slow.delayAfter(29));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.holds() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static MailOptions options(String host, int attempts) {
        return new MailOptions(host, 25, MailOptions.Security.NONE, "", "", Duration.ofSeconds(5), "Vitrine <v@example.org>", "en",
                attempts, Duration.ZERO);
    }

    private static String spooled(MailSpool spool) throws Exception {
        String id = MailSpool.newId(Instant.now());
        spool.spool(id, EML.getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
