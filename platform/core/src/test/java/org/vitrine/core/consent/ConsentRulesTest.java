package org.vitrine.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentState;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.LegalBasis;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.problem.DomainException;

class ConsentRulesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final ConsentSubject VISITOR = ConsentSubject.visitor("v1");

    private static ConsentRules.Snapshot optIn(String version) {
        return new ConsentRules.Snapshot(new ConsentState.PolicyInfo("gdpr", "GDPR", version, LocalDate.of(2025, 1, 1)), List.of(
                new Purpose("necessary", "N", "", LegalBasis.CONTRACT, false, true, List.of(), List.of()),
                new Purpose("analytics", "A", "", LegalBasis.CONSENT, true, false, List.of(), List.of()),
                new Purpose("marketing", "M", "", LegalBasis.CONSENT, true, false, List.of(), List.of())));
    }

    private static ConsentRecord record(long id, ConsentSubject subject, String purpose, boolean granted, String version,
                                        ConsentSource source, Instant at) {
        return new ConsentRecord(id, subject, purpose, granted, "gdpr", version, source, "1", at, null, null);
    }

    @Test
    void before_any_choice_the_defaults_apply_and_the_person_must_be_asked() {
        ConsentState state = ConsentRules.resolve(optIn("1"), List.of());
        assertTrue(state.allows("necessary"));
        assertFalse(state.allows("analytics"));
        assertTrue(state.needsDecision());
    }

    @Test
    void the_latest_decision_under_the_current_version_counts() {
        ConsentState state = ConsentRules.resolve(optIn("1"), List.of(
                record(1, VISITOR, "analytics", true, "1", ConsentSource.BANNER, T0),
                record(2, VISITOR, "analytics", false, "1", ConsentSource.SETTINGS, T0.plusSeconds(5)),
                record(3, VISITOR, "marketing", true, "1", ConsentSource.BANNER, T0)));
        assertFalse(state.allows("analytics"), "withdrawn later");
        assertTrue(state.allows("marketing"));
        assertFalse(state.needsDecision());
    }

    @Test
    void decisions_under_an_older_version_no_longer_count_so_the_person_is_asked_again() {
        List<ConsentRecord> old = List.of(record(1, VISITOR, "analytics", true, "1", ConsentSource.BANNER, T0),
                record(2, VISITOR, "marketing", true, "1", ConsentSource.BANNER, T0));
        ConsentState state = ConsentRules.resolve(optIn("2"), old);
        assertFalse(state.allows("analytics"));
        assertTrue(state.needsDecision());
        assertNull(state.purposes().get(1).decision());
    }

    @Test
    void a_necessary_purpose_is_always_allowed() {
        ConsentState state = ConsentRules.resolve(optIn("1"), List.of(record(1, VISITOR, "necessary", false, "1", ConsentSource.BANNER, T0)));
        assertTrue(state.allows("necessary"));
    }

    @Test
    void an_unknown_purpose_is_never_allowed() {
        assertFalse(ConsentRules.resolve(optIn("1"), List.of()).allows("tracking"));
    }

    @Test
    void choices_become_one_record_per_refusable_purpose_with_the_policy_version() {
        Map<String, Boolean> choices = new LinkedHashMap<>();
        choices.put("necessary", true);
        choices.put("analytics", true);
        choices.put("marketing", false);
        List<ConsentRecord> records = ConsentRules.choices(optIn("3"), VISITOR, choices, ConsentSource.BANNER, null, T0, "192.0.2.1");
        assertEquals(List.of("analytics", "marketing"), records.stream().map(ConsentRecord::purpose).toList());
        assertTrue(records.stream().allMatch(r -> r.policyVersion().equals("3") && r.uiTextVersion().equals("3")));
    }

    @Test
    void refusing_a_necessary_purpose_is_refused_naming_it() {
        DomainException e = assertThrows(DomainException.class, () -> ConsentRules.choices(optIn("1"), VISITOR,
                Map.of("necessary", false, "analytics", true), ConsentSource.BANNER, null, T0, null));
        assertEquals(DomainException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("necessary"), e.getMessage());
    }

    @Test
    void an_unknown_purpose_is_refused_naming_it() {
        DomainException e = assertThrows(DomainException.class, () -> ConsentRules.choices(optIn("1"), VISITOR,
                Map.of("tracking", true), ConsentSource.BANNER, null, T0, null));
        assertTrue(e.getMessage().contains("tracking"), e.getMessage());
    }

    @Test
    void a_signal_is_recorded_once_per_version_and_a_later_choice_wins() {
        Map<String, Boolean> gpc = Map.of("analytics", false, "marketing", false);
        List<ConsentRecord> first = ConsentRules.signals(optIn("1"), VISITOR, gpc, List.of(), T0, null);
        assertEquals(2, first.size());
        assertTrue(first.stream().allMatch(r -> r.source() == ConsentSource.GPC && !r.granted()));

        List<ConsentRecord> history = List.of(record(1, VISITOR, "analytics", false, "1", ConsentSource.GPC, T0),
                record(2, VISITOR, "marketing", false, "1", ConsentSource.GPC, T0),
                record(3, VISITOR, "analytics", true, "1", ConsentSource.SETTINGS, T0.plusSeconds(60)));
        assertEquals(List.of(), ConsentRules.signals(optIn("1"), VISITOR, gpc, history, T0.plusSeconds(120), null));
        assertTrue(ConsentRules.resolve(optIn("1"), history).allows("analytics"), "the choice made after the signal wins");
        assertEquals(2, ConsentRules.signals(optIn("2"), VISITOR, gpc, history, T0, null).size(), "a new version honours it again");
    }

    @Test
    void a_visitors_newer_decisions_attach_to_the_account_pointing_at_the_originals() {
        ConsentSubject account = ConsentSubject.account(7);
        List<ConsentRecord> visitor = List.of(record(10, VISITOR, "analytics", true, "1", ConsentSource.BANNER, T0.plusSeconds(10)),
                record(11, VISITOR, "marketing", true, "1", ConsentSource.BANNER, T0.plusSeconds(10)));
        List<ConsentRecord> own = List.of(record(5, account, "marketing", false, "1", ConsentSource.SETTINGS, T0.plusSeconds(20)));
        List<ConsentRecord> copies = ConsentRules.attach(optIn("1"), visitor, own, 7, T0.plusSeconds(30), null);
        assertEquals(1, copies.size(), "the account's own later choice about marketing stays");
        ConsentRecord copy = copies.get(0);
        assertEquals("analytics", copy.purpose());
        assertEquals(account, copy.subject());
        assertEquals(ConsentSource.SIGNIN, copy.source());
        assertEquals(10L, copy.attachedFrom());
        assertTrue(ConsentRules.attach(optIn("1"), visitor, List.of(copy, own.get(0)), 7, T0.plusSeconds(40), null).isEmpty(),
                "attaching again changes nothing");
    }
}
