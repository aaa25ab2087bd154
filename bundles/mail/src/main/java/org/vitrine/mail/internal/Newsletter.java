package org.vitrine.mail.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Role;

/**
 * An admin's newsletter: to every active account whose consent allows marketing now, asked of the consent service
 * once for everyone. Each message links to the privacy settings, where the consent is withdrawn.
 */
@Component(service = Newsletter.class)
public class Newsletter {

    static final int MAX_SUBJECT = 150;
    static final int MAX_BODY = 20_000;

    /** What happened: how many accounts get the newsletter and how many do not (no consent). */
    public record Outcome(int recipients, int skipped) {
    }

    private final MailService mail;
    private final AccountStore accounts;
    private final ConsentService consent;
    private final AuditLog audit;
    private final String settingsLink;

    @Activate
    public Newsletter(BundleContext context, @Reference MailService mail, @Reference AccountStore accounts,
                      @Reference ConsentService consent, @Reference AuditLog audit) {
        this.mail = mail;
        this.accounts = accounts;
        this.consent = consent;
        this.audit = audit;
        String publicUrl = context.getProperty("vitrine.public.url");
        this.settingsLink = (publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "")) + "/privacy/settings";
    }

    Outcome send(String subject, String body, String actor, String ip) {
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        if (s.isEmpty() || s.length() > MAX_SUBJECT || !s.equals(MessageTemplates.oneLine(s))) {
            throw DomainException.badRequest("subject: one line of 1 to " + MAX_SUBJECT + " characters is needed.");
        }
        if (b.isEmpty() || b.length() > MAX_BODY) {
            throw DomainException.badRequest("body: 1 to " + MAX_BODY + " characters of text are needed.");
        }
        List<Account> active = accounts.withRole(Role.USER);
        Set<Long> allowing = consent.accountsAllowing(active.stream().map(Account::id).toList(), Purpose.MARKETING);
        int recipients = 0;
        for (Account account : active) {
            if (allowing.contains(account.id()) && account.email() != null) {
                Map<String, String> parameters = new HashMap<>();
                parameters.put("name", account.displayName() == null || account.displayName().isBlank() ? "there" : account.displayName());
                parameters.put("subject", s);
                parameters.put("body", b);
                parameters.put("link", settingsLink);
                mail.queue(new Letter(account.id(), account.email(), MailTemplate.NEWSLETTER, parameters));
                recipients++;
            }
        }
        Outcome outcome = new Outcome(recipients, active.size() - recipients);
        audit.append(new AuditEvent(Instant.now(), actor, "mail.newsletter", null, ip, "success",
                "sent to " + outcome.recipients() + " account(s) that allow marketing; " + outcome.skipped() + " skipped"));
        return outcome;
    }
}
