package org.vitrine.web.ui;

import java.util.Optional;

import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.Purpose;

/**
 * The analytics script's tag in the app shell: present only when the admin configured a script and the person at the
 * other end allows {@value Purpose#ANALYTICS} now, as the consent service decides (their account when signed in,
 * else their consent cookie, else the policy's default, with the browser's privacy signals honoured from the first
 * request). Without a consent service nobody is asked, so nobody gets the script. The shell is never cached, so a
 * withdrawal takes effect at the next page load.
 */
final class AnalyticsSnippet {

    private AnalyticsSnippet() {
    }

    /** The tag, or an empty string. */
    static String tag(Optional<String> scriptUrl, ConsentService consent, ConsentSubject subject, BrowserSignals signals) {
        if (scriptUrl.isEmpty() || consent == null || !consent.allows(subject, Purpose.ANALYTICS, signals)) {
            return "";
        }
        return "\n<script src=\"" + Html.escape(scriptUrl.get()) + "\" async data-purpose=\"analytics\"></script>";
    }
}
