package org.vitrine.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentLedger;
import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.LegalBasis;
import org.vitrine.api.consent.Purpose;

class LedgerConsentServiceTest {

    private static final BrowserSignals GPC = new BrowserSignals(Map.of(BrowserSignals.SEC_GPC, "1"));
    private static final ConsentSubject VISITOR = ConsentSubject.visitor("AAAAAAAAAAAAAAAAAAAAAA");

    private final MemoryLedger ledger = new MemoryLedger();
    private final LedgerConsentService service = new LedgerConsentService(ledger,
            Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void without_a_policy_nothing_optional_is_allowed_and_no_account_allows_anything() {
        assertFalse(service.allows(null, Purpose.ANALYTICS, BrowserSignals.NONE));
        assertEquals(Set.of(), service.accountsAllowing(List.of(1L, 2L), Purpose.SOCIAL));
    }

    @Test
    void under_an_opt_out_policy_analytics_is_allowed_by_default_but_not_to_a_browser_sending_gpc() {
        service.addPolicy(new Policy(true));
        assertTrue(service.allows(null, Purpose.ANALYTICS, BrowserSignals.NONE));
        assertFalse(service.allows(null, Purpose.ANALYTICS, GPC), "the signal counts from the first request");
        assertFalse(service.allows(VISITOR, Purpose.ANALYTICS, GPC), "a visitor who decided nothing yet");
        assertTrue(ledger.records.isEmpty(), "asking records nothing");
    }

    @Test
    void a_signal_not_yet_recorded_overrides_an_earlier_grant_but_a_choice_after_the_recorded_signal_wins() {
        service.addPolicy(new Policy(true));
        service.decide(VISITOR, Map.of(Purpose.ANALYTICS, true), ConsentSource.BANNER, null, null);
        assertFalse(service.allows(VISITOR, Purpose.ANALYTICS, GPC));

        service.applySignals(VISITOR, GPC, null);
        ledger.later();
        service.decide(VISITOR, Map.of(Purpose.ANALYTICS, true), ConsentSource.SETTINGS, null, null);
        assertTrue(service.allows(VISITOR, Purpose.ANALYTICS, GPC), "the person opted in again after the signal was recorded");
    }

    @Test
    void accounts_allowing_a_purpose_are_found_with_one_ledger_question_and_defaults_fill_the_rest() {
        service.addPolicy(new Policy(false));
        service.decide(ConsentSubject.account(1), Map.of(Purpose.SOCIAL, true), ConsentSource.SETTINGS, null, null);
        service.decide(ConsentSubject.account(2), Map.of(Purpose.SOCIAL, false), ConsentSource.SETTINGS, null, null);
        ledger.batchQueries = 0;
        assertEquals(Set.of(1L), service.accountsAllowing(List.of(1L, 2L, 3L), Purpose.SOCIAL), "opt-in: 3 never agreed");
        assertEquals(1, ledger.batchQueries);
        assertEquals(Set.of(1L, 2L, 3L), service.accountsAllowing(List.of(1L, 2L, 3L), Purpose.NECESSARY));
        assertEquals(Set.of(), service.accountsAllowing(List.of(1L), "tracking"));
    }

    @Test
    void under_an_opt_out_policy_an_account_that_never_objected_allows_social() {
        service.addPolicy(new Policy(true));
        service.decide(ConsentSubject.account(2), Map.of(Purpose.SOCIAL, false), ConsentSource.SETTINGS, null, null);
        assertEquals(Set.of(1L), service.accountsAllowing(List.of(1L, 2L), Purpose.SOCIAL));
    }

    /** GDPR-like (opt-in) or CCPA-like (opt-out, GPC refuses analytics and marketing). */
    private record Policy(boolean optOut) implements ConsentPolicy {
        public String id() {
            return optOut ? "ccpa" : "gdpr";
        }

        public String name() {
            return id();
        }

        public String version() {
            return "1";
        }

        public LocalDate effectiveDate() {
            return LocalDate.of(2025, 1, 1);
        }

        public List<Purpose> purposes() {
            return List.of(new Purpose(Purpose.NECESSARY, "N", "", LegalBasis.CONTRACT, false, true, List.of(), List.of()),
                    new Purpose(Purpose.ANALYTICS, "A", "", LegalBasis.CONSENT, true, optOut, List.of(), List.of()),
                    new Purpose(Purpose.SOCIAL, "S", "", LegalBasis.CONSENT, true, optOut, List.of(), List.of()));
        }

        public Map<String, Boolean> impliedBy(BrowserSignals signals) {
            return optOut && signals.globalPrivacyControl() ? Map.of(Purpose.ANALYTICS, false) : Map.of();
        }
    }

    /** The ledger in memory; {@link #later()} moves the records made so far one second into the past. */
    private static final class MemoryLedger implements ConsentLedger {
        final List<ConsentRecord> records = new ArrayList<>();
        int batchQueries;

        void later() {
            records.replaceAll(r -> new ConsentRecord(r.id(), r.subject(), r.purpose(), r.granted(), r.policyId(), r.policyVersion(),
                    r.source(), r.uiTextVersion(), r.recordedAt().minusSeconds(1), r.ip(), r.attachedFrom()));
        }

        @Override
        public synchronized void append(List<ConsentRecord> added) {
            for (ConsentRecord r : added) {
                records.add(new ConsentRecord((long) records.size() + 1, r.subject(), r.purpose(), r.granted(), r.policyId(),
                        r.policyVersion(), r.source(), r.uiTextVersion(), r.recordedAt(), r.ip(), r.attachedFrom()));
            }
        }

        @Override
        public Map<String, ConsentRecord> latest(ConsentSubject subject, String policyId, String policyVersion) {
            Map<String, ConsentRecord> latest = new HashMap<>();
            history(subject).stream().filter(r -> r.policyId().equals(policyId) && r.policyVersion().equals(policyVersion))
                    .forEach(r -> latest.putIfAbsent(r.purpose(), r));
            return latest;
        }

        @Override
        public Map<Long, ConsentRecord> latestOfAccounts(Collection<Long> accountIds, String purpose, String policyId,
                                                         String policyVersion) {
            batchQueries++;
            Map<Long, ConsentRecord> latest = new HashMap<>();
            for (Long account : accountIds) {
                ConsentRecord r = latest(ConsentSubject.account(account), policyId, policyVersion).get(purpose);
                if (r != null) {
                    latest.put(account, r);
                }
            }
            return latest;
        }

        @Override
        public List<ConsentRecord> history(ConsentSubject subject) {
            return records.stream().filter(r -> r.subject().equals(subject))
                    .sorted(Comparator.comparing(ConsentRecord::recordedAt).thenComparing(ConsentRecord::id).reversed()).toList();
        }
    }
}
