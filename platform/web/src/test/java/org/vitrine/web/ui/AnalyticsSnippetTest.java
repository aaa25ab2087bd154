package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.Purpose;

class AnalyticsSnippetTest {

    private static final Optional<String> SCRIPT = Optional.of("https://stats.example.org/m.js?site=1&x=\"");
    private static final ConsentSubject VISITOR = ConsentSubject.visitor("AAAAAAAAAAAAAAAAAAAAAA");

    /** A consent service that answers {@code allows(subject, purpose, signals)} and records the question. */
    private static ConsentService answering(boolean allowed, AtomicReference<Object[]> question) {
        return (ConsentService) Proxy.newProxyInstance(ConsentService.class.getClassLoader(), new Class<?>[] {ConsentService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("allows") && args.length == 3) {
                        question.set(args);
                        return allowed;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void the_script_is_linked_for_someone_who_allows_analytics_with_its_address_escaped() {
        AtomicReference<Object[]> question = new AtomicReference<>();
        BrowserSignals gpc = new BrowserSignals(Map.of(BrowserSignals.SEC_GPC, "1"));
        String tag = AnalyticsSnippet.tag(SCRIPT, answering(true, question), VISITOR, gpc);
        assertEquals("\n<script src=\"https://stats.example.org/m.js?site=1&amp;x=&quot;\" async data-purpose=\"analytics\"></script>", tag);
        assertEquals(VISITOR, question.get()[0]);
        assertEquals(Purpose.ANALYTICS, question.get()[1]);
        assertEquals(gpc, question.get()[2]);
    }

    @Test
    void nothing_is_linked_without_consent_without_a_consent_service_or_without_a_script() {
        AtomicReference<Object[]> question = new AtomicReference<>();
        assertEquals("", AnalyticsSnippet.tag(SCRIPT, answering(false, question), VISITOR, BrowserSignals.NONE));
        assertEquals("", AnalyticsSnippet.tag(SCRIPT, null, VISITOR, BrowserSignals.NONE));
        question.set(null);
        assertEquals("", AnalyticsSnippet.tag(Optional.empty(), answering(true, question), VISITOR, BrowserSignals.NONE));
        assertTrue(question.get() == null, "no script: nobody is asked");
    }
}
