package org.vitrine.core.notices;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;
import org.vitrine.api.mail.Mailer;
import org.vitrine.core.http.PublicAddress;

/**
 * The e-mails that tell people about their account's activity: their data export is ready, a moderator took down a
 * document they imported, someone signed in from a new device. Links are absolute, from the public address. An
 * account without an address (a provider-only account) gets none; without a mail module nothing is sent and the log
 * says so. Sending never fails the caller: the {@link Mailer} queues and retries.
 */
@Component(service = AccountNotices.class)
public class AccountNotices {

    private static final Logger LOG = LoggerFactory.getLogger(AccountNotices.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountStore accounts;
    private final PublicAddress address;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;

    @Activate
    public AccountNotices(@Reference AccountStore accounts, @Reference PublicAddress address) {
        this.accounts = accounts;
        this.address = address;
    }

    /** The account's data export can be downloaded from the account page until {@code expiresAt}. */
    public void exportReady(long accountId, Instant expiresAt) {
        send(accountId, MailTemplate.EXPORT_READY, Map.of("link", address.link("/account#your-data"), "expiresAt", TIME.format(expiresAt)));
    }

    /** A moderator or an admin took down a document the account imported, for the public {@code reason}. */
    public void documentDisabled(long importerId, long documentId, String documentName, String reason) {
        send(importerId, MailTemplate.DOCUMENT_DISABLED, Map.of("document", documentName == null ? "" : documentName,
                "reason", reason == null ? "" : reason, "link", address.link("/d/" + documentId)));
    }

    /** Someone signed in to the account from a device it had not seen. */
    public void newDeviceSignIn(long accountId, Instant when, String device, String ip) {
        send(accountId, MailTemplate.NEW_DEVICE_SIGN_IN, Map.of("when", TIME.format(when), "device", device == null ? "an unknown browser" : device,
                "ip", ip == null ? "unknown" : ip, "link", address.link("/account#sessions")));
    }

    private void send(long accountId, MailTemplate template, Map<String, String> parameters) {
        Mailer current = mailer;
        try {
            Account account = accounts.byId(accountId).orElse(null);
            if (account == null || account.email() == null) {
                return;
            }
            if (current == null) {
                LOG.info("No mail module is on: the {} message to account {} is not sent", template, accountId);
                return;
            }
            Map<String, String> all = new java.util.HashMap<>(parameters);
            all.put("name", account.displayName() == null ? "" : account.displayName());
            current.send(new Letter(accountId, account.email(), template, all));
        } catch (RuntimeException e) {
            LOG.warn("The {} message to account {} could not be queued: {}", template, accountId, e.getMessage());
        }
    }
}
