package org.vitrine.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.Mailer;
import org.vitrine.api.problem.DomainException;
import org.vitrine.mail.internal.MailSpool.Place;

/**
 * The {@link Mailer}: checks that a letter may be sent (the account still exists and is active; a marketing letter
 * only with the account's consent), renders it, spools it and lets the {@link OutboxSender} deliver it. Without an SMTP
 * server the message is written to {@code data/mail} and the log says where. Also the admin's view of the outbox.
 */
@Component(service = {Mailer.class, MailService.class}, configurationPid = MailService.PID)
@Designate(ocd = MailSettings.class)
public class MailService implements Mailer {

    static final String PID = "org.vitrine.mail";
    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    private final AccountStore accounts;
    private final ConsentService consent;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final MessageTemplates templates = new MessageTemplates();
    private final MailSpool spool;
    private final OutboxSender sender;
    private volatile MailOptions options;
    private volatile Duration spoolRetention;

    @Activate
    public MailService(BundleContext context, MailSettings settings, @Reference AccountStore accounts,
                       @Reference ConsentService consent, @Reference AuditLog audit) throws IOException {
        this(Path.of(context.getProperty("vitrine.data.dir") != null ? context.getProperty("vitrine.data.dir") : "data").resolve("mail"),
                settings, accounts, consent, audit);
    }

    MailService(Path mailDir, MailSettings settings, AccountStore accounts, ConsentService consent, AuditLog audit) throws IOException {
        this.accounts = accounts;
        this.consent = consent;
        this.audit = audit;
        this.spool = new MailSpool(mailDir);
        apply(settings);
        dropMessagesOfDeletedAccounts();
        this.sender = new OutboxSender(spool, () -> options, JakartaMail::deliver, this::recordFailure, clock);
        sender.start();
    }

    /**
     * An account deleted while this module was off could not have its messages swept then: at start, messages for an
     * account that is deleted (or gone) are deleted before anything is sent. When the store cannot answer, nothing is
     * deleted; the retention job removes them in time anyway.
     */
    private void dropMessagesOfDeletedAccounts() {
        try {
            // one look-up per account, not per message: a spool kept without SMTP holds many notices per person
            Map<Long, Boolean> deleted = new HashMap<>();
            int dropped = spool.removeWhere((id, eml) -> JakartaMail.accountOf(eml)
                    .map(account -> deleted.computeIfAbsent(account,
                            a -> accounts.byId(a).map(found -> found.status() == AccountStatus.DELETED).orElse(true)))
                    .orElse(false));
            if (dropped > 0) {
                LOG.info("{} spooled message(s) for deleted accounts were deleted", dropped);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Messages for deleted accounts could not be looked for in {}: {}", spool.root(), e.toString());
        }
    }

    @Modified
    void modified(MailSettings settings) {
        apply(settings);
    }

    @Deactivate
    void deactivate() {
        sender.stop();
    }

    private void apply(MailSettings settings) {
        MailOptions o = MailOptions.of(settings);
        try {
            JakartaMail.checkAddress(o.from());
        } catch (Exception e) {
            LOG.error("config/mail.properties: from is not a usable address ('{}'): {}; using {}", o.from(), e.getMessage(),
                    MailOptions.DEFAULT_FROM);
            o = new MailOptions(o.host(), o.port(), o.security(), o.user(), o.password(), o.timeout(), MailOptions.DEFAULT_FROM,
                    o.language(), o.attempts(), o.firstDelay());
        }
        options = o;
        spoolRetention = MailOptions.spoolRetention(settings);
        LOG.info(o.smtp() ? "Mail goes to the SMTP server " + o.host() + ":" + o.port() + " (" + o.security() + ")"
                : "No SMTP server configured: mail is written as .eml files to " + spool.root()
                + " (set smtp.host in config/mail.properties to send it)");
    }

    @Override
    public boolean send(Letter letter) {
        if (letter.accountId() != null) {
            Optional<Account> account = accounts.byId(letter.accountId());
            if (account.isEmpty() || account.get().status() == AccountStatus.DELETED || account.get().status() == AccountStatus.DISABLED) {
                return false;
            }
        }
        if (Purpose.MARKETING.equals(letter.template().purpose()) && (letter.accountId() == null
                || !consent.accountsAllowing(Set.of(letter.accountId()), Purpose.MARKETING).contains(letter.accountId()))) {
            return false;
        }
        queue(letter);
        return true;
    }

    /**
     * Queues a letter whose recipient was already checked (the newsletter asks the consent service once for everyone).
     *
     * @return the message id
     */
    String queue(Letter letter) {
        MailOptions o = options;
        Instant now = clock.instant();
        String id = MailSpool.newId(now);
        try {
            byte[] eml = JakartaMail.build(letter, templates.render(letter.template(), letter.parameters(), o.language()), o.from(), now);
            if (!o.smtp()) {
                Path file = spool.keep(id, eml);
                LOG.info("No SMTP server configured: mail {} ({}) was written to {} (set smtp.host in config/mail.properties to send it)",
                        id, letter.template(), file);
                return id;
            }
            spool.spool(id, eml);
        } catch (IOException e) {
            throw new UncheckedIOException("mail " + id + " could not be written to " + spool.root(), e);
        } catch (jakarta.mail.MessagingException e) {
            throw DomainException.badRequest("The message cannot be built: " + e.getMessage());
        }
        sender.enqueue(id);
        return id;
    }

    /** Deletes every spooled message for the account or to the address (see {@link JakartaMail#isFor}). */
    int eraseMessagesFor(long accountId, String email) {
        try {
            return sender.exclusively(() -> spool.removeWhere((id, eml) -> JakartaMail.isFor(eml, accountId, email)));
        } catch (IOException e) {
            throw new UncheckedIOException("the mail spool " + spool.root() + " could not be swept", e);
        }
    }

    /** Deletes the kept and failed messages older than the spool retention ({@code spool.retention.days}). */
    int removeExpiredMessages(Instant now) {
        try {
            Instant cutoff = now.minus(spoolRetention);
            return sender.exclusively(() -> spool.removeOlderThan(cutoff));
        } catch (IOException e) {
            throw new UncheckedIOException("the mail spool " + spool.root() + " could not be swept", e);
        }
    }

    /** Every queued and failed message, oldest first. */
    List<MailSpool.Entry> messages() {
        try {
            return spool.entries();
        } catch (IOException e) {
            throw new UncheckedIOException("the mail spool " + spool.root() + " cannot be read", e);
        }
    }

    /** How many messages failed for good. */
    int failedCount() {
        try {
            return spool.failedCount();
        } catch (IOException e) {
            throw new UncheckedIOException("the mail spool " + spool.root() + " cannot be read", e);
        }
    }

    /** Requeues a failed message. */
    MailSpool.Entry retry(String id) {
        try {
            requireFailed(id);
            if (!sender.retry(id)) {
                throw DomainException.notFound("There is no failed message '" + id + "'.");
            }
            return spool.entry(Place.OUTBOX, id).orElseThrow(() -> DomainException.conflict("The message '" + id + "' was just sent."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a failed message for good. */
    void discard(String id) {
        try {
            requireFailed(id);
            spool.delete(Place.FAILED, id);
            LOG.info("Failed mail {} discarded by an admin", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireFailed(String id) {
        if (!MailSpool.validId(id)) {
            throw DomainException.notFound("There is no message '" + id + "'.");
        }
        if (spool.message(Place.FAILED, id).isEmpty()) {
            if (spool.message(Place.OUTBOX, id).isPresent()) {
                throw DomainException.conflict("The message '" + id + "' is still being sent; only failed messages can be retried or discarded.");
            }
            throw DomainException.notFound("There is no failed message '" + id + "'.");
        }
    }

    private void recordFailure(MailSpool.Entry entry) {
        try {
            audit.append(new AuditEvent(clock.instant(), "system", "mail.failed", entry.id(), null, "failure",
                    entry.template() + " not delivered after " + entry.attempts() + " attempts: "
                            + OutboxSender.withoutAddress(String.valueOf(entry.lastError()), entry.to())));
        } catch (RuntimeException e) {
            LOG.warn("Mail {}: the failure could not be written to the audit log: {}", entry.id(), e.toString());
        }
    }
}
