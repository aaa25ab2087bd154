package org.vitrine.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.ConsentSubject;

/** How every part of Vitrine finds whose consent applies to a request. */
class ConsentSubjectTest {

    private static final String COOKIE = VisitorCookie.newId();

    @Test
    void a_signed_in_account_is_the_subject_even_with_a_consent_cookie() {
        assertEquals(ConsentSubject.account(7), ConsentSubject.of(7L, COOKIE));
    }

    @Test
    void otherwise_the_visitor_of_the_consent_cookie_is() {
        assertEquals(ConsentSubject.visitor(COOKIE), ConsentSubject.of(null, COOKIE));
    }

    @Test
    void without_either_or_with_a_cookie_vitrine_could_not_have_made_nobody_has_decided_anything() {
        assertNull(ConsentSubject.of(null, null));
        assertNull(ConsentSubject.of(null, "forged;value"));
        assertNull(ConsentSubject.of(null, COOKIE + "x"));
    }
}
