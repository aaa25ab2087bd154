package org.vitrine.mail.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.mail.internal.MailSpool.Place;

/**
 * Delivers the outbox in the background, one message at a time: a message that fails is tried again after a delay
 * that doubles each time; after the last attempt it moves to {@code failed/} and {@link FailureListener} hears of it.
 * Messages found in the outbox at start (left by a crash or a stop) are sent first. Logs name message ids, never
 * addresses or bodies (links in mail are secrets).
 */
final class OutboxSender {

    /** Hands one spooled message to the SMTP server. */
    interface Delivery {
        void deliver(Path eml, MailOptions options) throws Exception;
    }

    /** Told when a message is set aside after its last attempt. */
    interface FailureListener {
        void failed(MailSpool.Entry entry);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int ERROR_LENGTH = 300;
    /** How long work on the spool waits for a delivery in progress to end. */
    static final Duration EXCLUSIVE_WAIT = Duration.ofSeconds(15);

    private final MailSpool spool;
    private final Supplier<MailOptions> options;
    private final Delivery delivery;
    private final FailureListener listener;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitrine-mail-sender");
        t.setDaemon(true);
        return t;
    });

    OutboxSender(MailSpool spool, Supplier<MailOptions> options, Delivery delivery, FailureListener listener, Clock clock) {
        this.spool = spool;
        this.options = options;
        this.delivery = delivery;
        this.listener = listener;
        this.clock = clock;
    }

    /** Schedules every message already in the outbox. */
    void start() throws IOException {
        var waiting = spool.outboxIds();
        if (!waiting.isEmpty()) {
            LOG.info("{} message(s) left in the outbox from before: sending them now", waiting.size());
        }
        waiting.forEach(id -> schedule(id, Duration.ZERO));
    }

    /** Sends a message just put into the outbox, as soon as the sender is free. */
    void enqueue(String id) {
        schedule(id, Duration.ZERO);
    }

    /** Puts a failed message back into the outbox with a fresh set of attempts; false when there is no such failed message. */
    boolean retry(String id) throws IOException {
        if (!spool.move(id, Place.FAILED, Place.OUTBOX)) {
            return false;
        }
        spool.recordAttempt(Place.OUTBOX, id, 0, null, clock.instant());
        LOG.info("Mail {} requeued by an admin", id);
        enqueue(id);
        return true;
    }

    /** Work on the spool that must not meet a delivery half way (a message deleted while its attempt is noted). */
    interface SpoolWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs the work on the sender's thread, between two deliveries, and waits for it (directly once the sender stopped),
     * at most {@link #EXCLUSIVE_WAIT}: a delivery stuck on a slow mail server must not hold a request (an account
     * erasure, say) for as long. Past the deadline the work stays queued and runs as soon as the sender is free.
     */
    <T> T exclusively(SpoolWork<T> work) throws IOException {
        return exclusively(work, EXCLUSIVE_WAIT);
    }

    <T> T exclusively(SpoolWork<T> work, Duration deadline) throws IOException {
        if (executor.isShutdown()) {
            return work.run();
        }
        try {
            return executor.submit(work::run).get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException busy) {
            throw new IOException("the mail sender is busy with a delivery; the work is queued and runs as soon as it is free");
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the mail sender", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(String id, Duration delay) {
        if (!executor.isShutdown()) {
            executor.schedule(() -> attempt(id), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void attempt(String id) {
        try {
            Optional<Path> eml = spool.message(Place.OUTBOX, id);
            if (eml.isEmpty()) {
                return;
            }
            MailOptions o = options.get();
            if (!o.smtp()) {
                Path kept = spool.keepFromOutbox(id);
                LOG.info("No SMTP server is configured any more: mail {} was written to {} (set smtp.host in config/mail.properties "
                        + "to send mail)", id, kept);
                return;
            }
            Optional<MailSpool.Entry> entry = spool.entry(Place.OUTBOX, id);
            int previous = entry.map(MailSpool.Entry::attempts).orElse(0);
            try {
                delivery.deliver(eml.get(), o);
                spool.delete(Place.OUTBOX, id);
                LOG.info("Mail {} delivered to {}:{}", id, o.host(), o.port());
            } catch (Exception e) {
                failed(id, previous + 1, withoutAddress(describe(e), entry.map(MailSpool.Entry::to).orElse(null)), o);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Mail {}: the outbox could not be read or written; it stays there until the next start: {}", id, e.toString());
        }
    }

    private void failed(String id, int attempts, String error, MailOptions o) throws IOException {
        spool.recordAttempt(Place.OUTBOX, id, attempts, error, clock.instant());
        if (attempts < o.attempts()) {
            Duration wait = o.delayAfter(attempts);
            LOG.warn("Mail {}: attempt {} of {} failed ({}); next attempt in {} s", id, attempts, o.attempts(), error, wait.toSeconds());
            schedule(id, wait);
            return;
        }
        spool.move(id, Place.OUTBOX, Place.FAILED);
        LOG.error("Mail {} failed {} times and was set aside in {} ({}); an admin can retry it at /admin/mail", id, attempts,
                spool.root().resolve("failed"), error);
        spool.entry(Place.FAILED, id).ifPresent(listener::failed);
    }

    /**
     * The error without the recipient's address ("550 5.1.1 &lt;ann@example.org&gt;: unknown user" is a common SMTP
     * reply): errors reach the log and the audit log, which outlive the message and its recipient's account.
     */
    static String withoutAddress(String error, String to) {
        if (to == null || to.isBlank()) {
            return error;
        }
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(to), java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(error).replaceAll("(the recipient)");
    }

    /** The error and its causes in one short line (SMTP replies name the problem; no message content is in them). */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < ERROR_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
            if (s.length() > 0) {
                s.append(": ");
            }
            s.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        String line = MessageTemplates.oneLine(s.toString());
        return line.length() > ERROR_LENGTH ? line.substring(0, ERROR_LENGTH) + "…" : line;
    }
}
