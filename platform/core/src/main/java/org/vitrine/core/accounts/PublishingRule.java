package org.vitrine.core.accounts;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.problem.DomainException;

/**
 * Who may publish: importing documents and changing their licence need a verified e-mail address, unless
 * {@code accounts.unverified.may.publish} says otherwise. Signing in, browsing and everything else do not.
 */
// the PID's metatype is designated by the catalog settings; these are read through the typed annotation all the same
@Component(service = PublishingRule.class, configurationPid = PublishingRule.PID)
public class PublishingRule {

    /** The platform's settings ({@code config/platform.properties}). */
    static final String PID = "org.vitrine.web";

    private final AccountStore accounts;
    private volatile boolean unverifiedMayPublish;

    @Activate
    public PublishingRule(@Reference AccountStore accounts, AccountSettings settings) {
        this.accounts = accounts;
        modified(settings);
    }

    @Modified
    void modified(AccountSettings settings) {
        this.unverifiedMayPublish = settings.accounts_unverified_may_publish();
    }

    /**
     * @throws DomainException FORBIDDEN, telling the person to verify their address, when they may not publish
     */
    public void requireMayPublish(long accountId) {
        if (!unverifiedMayPublish && accounts.emailVerifiedAt(accountId).isEmpty()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "Verify your e-mail address first: open the link in "
                    + "the message we sent you, or send a new one from your account page. Until then you can sign in but "
                    + "not import or publish documents.");
        }
    }
}
