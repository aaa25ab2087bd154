package org.vitrine.consent.ccpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.Purpose;

class CcpaPolicyTest {

    private final CcpaPolicy policy = new CcpaPolicy(settings("1", "2025-01-01"));

    @Test
    void optional_purposes_are_on_by_default_and_can_be_refused() {
        List<Purpose> optional = policy.purposes().stream().filter(Purpose::refusable).toList();
        assertEquals(List.of("analytics", "social", "marketing"), optional.stream().map(Purpose::id).toList());
        optional.forEach(p -> assertTrue(p.defaultGranted(), p.id()));
        assertFalse(policy.purpose(Purpose.NECESSARY).orElseThrow().refusable());
    }

    @Test
    void global_privacy_control_opts_out_of_analytics_and_marketing() {
        assertEquals(Map.of("analytics", false, "marketing", false), policy.impliedBy(new BrowserSignals(Map.of("Sec-GPC", "1"))));
    }

    @Test
    void without_the_signal_or_with_another_value_nothing_is_implied() {
        assertEquals(Map.of(), policy.impliedBy(BrowserSignals.NONE));
        assertEquals(Map.of(), policy.impliedBy(new BrowserSignals(Map.of("Sec-GPC", "0"))));
        assertEquals(Map.of(), policy.impliedBy(new BrowserSignals(Map.of("Sec-GPC", "yes"))));
    }

    @Test
    void the_version_comes_from_the_settings() {
        policy.modified(settings("2026-a", "2026-01-01"));
        assertEquals("2026-a", policy.version());
        assertEquals("ccpa", policy.id());
    }

    private static CcpaSettings settings(String version, String date) {
        return new CcpaSettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CcpaSettings.class;
            }

            @Override
            public String ccpa_version() {
                return version;
            }

            @Override
            public String ccpa_effective_date() {
                return date;
            }
        };
    }
}
