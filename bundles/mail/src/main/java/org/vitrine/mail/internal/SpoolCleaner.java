package org.vitrine.mail.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.privacy.PersonalDataHolder;
import org.vitrine.api.retention.ExpiringData;

/**
 * The mail spool's part in the person's rights and in retention: deleting an account deletes every spooled message
 * for it or to its address (kept, waiting or failed), and the platform's retention job deletes kept and failed
 * messages older than {@code spool.retention.days}.
 */
@Component(service = {PersonalDataHolder.class, ExpiringData.class})
public class SpoolCleaner implements PersonalDataHolder, ExpiringData {

    private final MailService mail;

    @Activate
    public SpoolCleaner(@Reference MailService mail) {
        this.mail = mail;
    }

    @Override
    public String name() {
        return "mailSpoolFiles";
    }

    @Override
    public int erase(long accountId, String email) {
        return mail.eraseMessagesFor(accountId, email);
    }

    @Override
    public int removeExpired(Instant now) {
        return mail.removeExpiredMessages(now);
    }
}
