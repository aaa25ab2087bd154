package org.vitrine.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentState;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.documents.Designer;

class PublicDesignersTest {

    private static final Designer UNLINKED = new Designer(1, "onshape", "Ada (Onshape)", "https://a/1.png", "Acme", null, 2);
    private static final Designer CONSENTING = new Designer(2, "onshape", "Bea", "https://a/2.png", "Bea Ltd", 20L, 1);
    private static final Designer REFUSING = new Designer(3, "onshape", "Cem", "https://a/3.png", "Cem GmbH", 30L, 1);

    private final AccountsAllowingSocial consent = new AccountsAllowingSocial(Set.of(20L));
    private final PublicDesigners designers = new PublicDesigners(consent);

    @Test
    void a_designer_linked_to_an_account_allowing_social_shows_avatar_and_company() {
        assertEquals(CONSENTING, designers.shown(CONSENTING));
    }

    @Test
    void a_designer_whose_account_does_not_allow_social_shows_only_the_provider_name() {
        Designer shown = designers.shown(REFUSING);
        assertEquals("Cem", shown.name());
        assertNull(shown.avatarUrl());
        assertNull(shown.company());
    }

    @Test
    void a_designer_linked_to_no_account_shows_only_the_provider_name() {
        Designer shown = designers.shown(UNLINKED);
        assertEquals("Ada (Onshape)", shown.name());
        assertNull(shown.avatarUrl());
        assertNull(shown.company());
    }

    @Test
    void a_whole_page_asks_about_consent_once_in_order_and_a_page_without_accounts_not_at_all() {
        List<Designer> shown = designers.shown(List.of(UNLINKED, CONSENTING, REFUSING, CONSENTING));
        assertEquals(List.of(1L, 2L, 3L, 2L), shown.stream().map(Designer::id).toList());
        assertEquals(List.of(List.of(20L, 30L)), consent.questions);
        designers.shown(List.of(UNLINKED));
        assertEquals(1, consent.questions.size());
    }

    /** Answers only the batched question; every other method is not for this rule. */
    private static final class AccountsAllowingSocial implements ConsentService {
        final Set<Long> allowing;
        final List<List<Long>> questions = new ArrayList<>();

        AccountsAllowingSocial(Set<Long> allowing) {
            this.allowing = allowing;
        }

        @Override
        public Set<Long> accountsAllowing(Collection<Long> accountIds, String purpose) {
            assertEquals(Purpose.SOCIAL, purpose);
            questions.add(List.copyOf(accountIds));
            return Set.copyOf(accountIds.stream().filter(allowing::contains).toList());
        }

        @Override
        public boolean allows(ConsentSubject subject, String purpose) {
            throw new UnsupportedOperationException("one batched question per page");
        }

        @Override
        public boolean allows(ConsentSubject subject, String purpose, BrowserSignals signals) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConsentPolicy> activePolicy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsentState state(ConsentSubject subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsentState decide(ConsentSubject subject, Map<String, Boolean> choices, ConsentSource source, String uiTextVersion, String ip) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean applySignals(ConsentSubject subject, BrowserSignals signals, String ip) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int attachVisitor(String visitorId, long accountId, String ip) {
            throw new UnsupportedOperationException();
        }
    }
}
