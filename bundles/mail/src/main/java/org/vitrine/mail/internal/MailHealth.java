package org.vitrine.mail.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthContributor;
import org.vitrine.api.health.HealthStatus;

/** Takes part in {@code GET /api/health}: DEGRADED while failed messages wait for an admin (mail is not essential). */
@Component(property = HealthContributor.MODULE + "=mail")
public class MailHealth implements HealthContributor {

    private final MailService mail;

    @Activate
    public MailHealth(@Reference MailService mail) {
        this.mail = mail;
    }

    @Override
    public HealthCheck check() {
        try {
            int failed = mail.failedCount();
            return failed == 0 ? HealthCheck.up("mail")
                    : new HealthCheck("mail", HealthStatus.DEGRADED, failed + " message(s) could not be delivered: see /admin/mail");
        } catch (RuntimeException e) {
            return new HealthCheck("mail", HealthStatus.DEGRADED, "the mail spool cannot be read");
        }
    }
}
