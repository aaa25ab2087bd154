package org.vitrine.consent.gdpr.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.LegalBasis;
import org.vitrine.api.consent.PolicyTerms;
import org.vitrine.api.consent.Purpose;

/**
 * The GDPR (and ePrivacy) policy: what the service needs runs on the contract; everything else only with consent,
 * so optional purposes stay off until the person opts in. Browser signals imply nothing here: without an opt-in
 * nothing optional runs anyway.
 */
@Component(service = ConsentPolicy.class, configurationPid = GdprPolicy.PID)
@Designate(ocd = GdprSettings.class)
public class GdprPolicy implements ConsentPolicy {

    static final String PID = "org.vitrine.privacy";
    static final String DEFAULT_VERSION = "1";
    static final String DEFAULT_EFFECTIVE_DATE = "2025-01-01";
    private static final Logger LOG = LoggerFactory.getLogger(GdprPolicy.class);

    private static final List<Purpose> PURPOSES = List.of(
            new Purpose(Purpose.NECESSARY, "Strictly necessary",
                    "Signing in, keeping you signed in, remembering your privacy choices and protecting the site against "
                            + "abuse. The site cannot work without these.",
                    LegalBasis.CONTRACT, false, true,
                    List.of("e-mail address", "IP address", "session cookie", "consent cookie"), List.of()),
            new Purpose(Purpose.ANALYTICS, "Analytics",
                    "Counting visits and the pages people use, so that we can improve the site. Only with your consent.",
                    LegalBasis.CONSENT, true, false,
                    List.of("pages visited", "browser and device type", "shortened IP address"), List.of()),
            new Purpose(Purpose.SOCIAL, "Public profile",
                    "Showing your name, avatar and company on the designs you made and on your designer page. Without "
                            + "your consent your designs credit you anonymously.",
                    LegalBasis.CONSENT, true, false,
                    List.of("name", "avatar", "company"), List.of()),
            new Purpose(Purpose.MARKETING, "Newsletter",
                    "Sending you our newsletter and news about the site by e-mail. Only with your consent.",
                    LegalBasis.CONSENT, true, false,
                    List.of("e-mail address", "name"), List.of()));

    private volatile PolicyTerms terms;

    @Activate
    public GdprPolicy(GdprSettings settings) {
        apply(settings);
    }

    @Modified
    void modified(GdprSettings settings) {
        apply(settings);
    }

    private void apply(GdprSettings settings) {
        terms = terms(settings.gdpr_version(), settings.gdpr_effective_date());
    }

    /** Unusable settings are logged, naming the file and key, and the defaults apply until they are fixed. */
    static PolicyTerms terms(String version, String effectiveDate) {
        try {
            return PolicyTerms.parse(version, effectiveDate);
        } catch (IllegalArgumentException e) {
            LOG.error("config/privacy.properties: gdpr.version / gdpr.effective.date: {}; using version {} of {}",
                    e.getMessage(), DEFAULT_VERSION, DEFAULT_EFFECTIVE_DATE);
            return PolicyTerms.parse(DEFAULT_VERSION, DEFAULT_EFFECTIVE_DATE);
        }
    }

    @Override
    public String id() {
        return "gdpr";
    }

    @Override
    public String name() {
        return "GDPR (opt-in)";
    }

    @Override
    public String version() {
        return terms.version();
    }

    @Override
    public LocalDate effectiveDate() {
        return terms.effectiveDate();
    }

    @Override
    public List<Purpose> purposes() {
        return PURPOSES;
    }

    @Override
    public Map<String, Boolean> impliedBy(BrowserSignals signals) {
        return Map.of();
    }
}
