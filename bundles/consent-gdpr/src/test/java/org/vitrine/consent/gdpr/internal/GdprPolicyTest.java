package org.vitrine.consent.gdpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.LegalBasis;
import org.vitrine.api.consent.Purpose;

class GdprPolicyTest {

    private final GdprPolicy policy = new GdprPolicy(settings("1", "2025-01-01"));

    @Test
    void necessary_runs_on_the_contract_and_cannot_be_refused() {
        Purpose necessary = policy.purpose(Purpose.NECESSARY).orElseThrow();
        assertFalse(necessary.refusable());
        assertTrue(necessary.defaultGranted());
        assertEquals(LegalBasis.CONTRACT, necessary.legalBasis());
        assertTrue(necessary.dataCategories().containsAll(List.of("e-mail address", "IP address", "session cookie")));
    }

    @Test
    void every_optional_purpose_needs_consent_and_is_off_until_the_person_opts_in() {
        List<Purpose> optional = policy.purposes().stream().filter(Purpose::refusable).toList();
        assertEquals(List.of("analytics", "social", "marketing"), optional.stream().map(Purpose::id).toList());
        for (Purpose p : optional) {
            assertEquals(LegalBasis.CONSENT, p.legalBasis(), p.id());
            assertFalse(p.defaultGranted(), p.id() + " is not pre-ticked");
        }
    }

    @Test
    void the_social_purpose_covers_name_avatar_and_company() {
        assertEquals(List.of("name", "avatar", "company"), policy.purpose(Purpose.SOCIAL).orElseThrow().dataCategories());
    }

    @Test
    void a_gpc_signal_implies_nothing_because_nothing_optional_runs_without_an_opt_in() {
        assertEquals(Map.of(), policy.impliedBy(new BrowserSignals(Map.of("Sec-GPC", "1"))));
    }

    @Test
    void version_and_effective_date_come_from_the_settings_and_follow_their_changes() {
        assertEquals("1", policy.version());
        policy.modified(settings("2", "2025-06-01"));
        assertEquals("2", policy.version());
        assertEquals(LocalDate.of(2025, 6, 1), policy.effectiveDate());
    }

    @Test
    void an_unusable_effective_date_falls_back_to_the_defaults() {
        GdprPolicy broken = new GdprPolicy(settings("3", "June"));
        assertEquals(GdprPolicy.DEFAULT_VERSION, broken.version());
        assertEquals(LocalDate.parse(GdprPolicy.DEFAULT_EFFECTIVE_DATE), broken.effectiveDate());
    }

    private static GdprSettings settings(String version, String date) {
        return new GdprSettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GdprSettings.class;
            }

            @Override
            public String gdpr_version() {
                return version;
            }

            @Override
            public String gdpr_effective_date() {
                return date;
            }
        };
    }
}
