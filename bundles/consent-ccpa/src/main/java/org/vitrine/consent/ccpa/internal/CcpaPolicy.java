package org.vitrine.consent.ccpa.internal;

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
 * The CCPA/CPRA policy: optional purposes run until the person opts out, and a Global Privacy Control signal
 * ({@code Sec-GPC: 1}) is a valid request to opt out of the sale and sharing of personal information
 * (Cal. Code Regs. tit. 11, § 7025): it opts out of analytics and marketing.
 */
@Component(service = ConsentPolicy.class, configurationPid = CcpaPolicy.PID)
@Designate(ocd = CcpaSettings.class)
public class CcpaPolicy implements ConsentPolicy {

    static final String PID = "org.vitrine.privacy";
    static final String DEFAULT_VERSION = "1";
    static final String DEFAULT_EFFECTIVE_DATE = "2025-01-01";
    private static final Logger LOG = LoggerFactory.getLogger(CcpaPolicy.class);

    private static final List<Purpose> PURPOSES = List.of(
            new Purpose(Purpose.NECESSARY, "Strictly necessary",
                    "Signing in, keeping you signed in, remembering your privacy choices and protecting the site against "
                            + "abuse. The site cannot work without these.",
                    LegalBasis.CONTRACT, false, true,
                    List.of("e-mail address", "IP address", "session cookie", "consent cookie"), List.of()),
            new Purpose(Purpose.ANALYTICS, "Analytics",
                    "Counting visits and the pages people use, so that we can improve the site. You may opt out; "
                            + "a Global Privacy Control signal opts you out.",
                    LegalBasis.LEGITIMATE_INTEREST, true, true,
                    List.of("pages visited", "browser and device type", "shortened IP address"), List.of()),
            new Purpose(Purpose.SOCIAL, "Public profile",
                    "Showing your name, avatar and company on the designs you made and on your designer page. You may "
                            + "opt out; your designs then credit you anonymously.",
                    LegalBasis.LEGITIMATE_INTEREST, true, true,
                    List.of("name", "avatar", "company"), List.of()),
            new Purpose(Purpose.MARKETING, "Newsletter",
                    "Sending you our newsletter and news about the site by e-mail. You may opt out at any time; "
                            + "a Global Privacy Control signal opts you out.",
                    LegalBasis.LEGITIMATE_INTEREST, true, true,
                    List.of("e-mail address", "name"), List.of()));

    /** What {@code Sec-GPC: 1} opts out of. */
    private static final Map<String, Boolean> GPC_OPT_OUT = Map.of(Purpose.ANALYTICS, false, Purpose.MARKETING, false);

    private volatile PolicyTerms terms;

    @Activate
    public CcpaPolicy(CcpaSettings settings) {
        apply(settings);
    }

    @Modified
    void modified(CcpaSettings settings) {
        apply(settings);
    }

    private void apply(CcpaSettings settings) {
        terms = terms(settings.ccpa_version(), settings.ccpa_effective_date());
    }

    /** Unusable settings are logged, naming the file and key, and the defaults apply until they are fixed. */
    static PolicyTerms terms(String version, String effectiveDate) {
        try {
            return PolicyTerms.parse(version, effectiveDate);
        } catch (IllegalArgumentException e) {
            LOG.error("config/privacy.properties: ccpa.version / ccpa.effective.date: {}; using version {} of {}",
                    e.getMessage(), DEFAULT_VERSION, DEFAULT_EFFECTIVE_DATE);
            return PolicyTerms.parse(DEFAULT_VERSION, DEFAULT_EFFECTIVE_DATE);
        }
    }

    @Override
    public String id() {
        return "ccpa";
    }

    @Override
    public String name() {
        return "CCPA/CPRA (opt-out)";
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
        return signals.globalPrivacyControl() ? GPC_OPT_OUT : Map.of();
    }
}
