package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Privacy in Chromium, as a visitor meets it: the banner on the first visit (accept, refuse, choose — alike, with
 * nothing switched on beforehand, by keyboard too) and what each answer leaves in the consent ledger; the banner
 * gone after a decision and back for a new policy version; the settings page that changes and withdraws choices;
 * the privacy page; and the contact form for privacy requests.
 */
@Timeout(600)
class PrivacyInBrowserTest {

    static final String CONSENT_COOKIE = "vitrine_consent";
    static final List<String> OPTIONAL = List.of("analytics", "marketing", "social");

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-privacy")
                .setting("privacy.properties", "controller.name", "Example Design Lab")
                .setting("privacy.properties", "contact.email", "privacy@example.org")
                .setting("privacy.properties", "data.region", "EU (Germany)")
                .setting("privacy.properties", "processors", "matomo, mailer")
                .setting("privacy.properties", "processor.matomo.name", "Matomo Cloud")
                .setting("privacy.properties", "processor.matomo.purposes", "analytics")
                .setting("privacy.properties", "processor.matomo.location", "EU")
                .setting("privacy.properties", "processor.mailer.name", "Example Mail Service")
                .setting("privacy.properties", "processor.mailer.purposes", "marketing")
                .start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_banner_offers_accept_refuse_and_choose_alike_with_no_switch_on_beforehand() {
        firstVisit("/");
        List<WebElement> answers = List.of(chromium.visible("button#consent-accept"), chromium.visible("button#consent-refuse"),
                chromium.visible("button#consent-choose"));
        List<String> looks = answers.stream().map(PrivacyInBrowserTest::look).toList();
        assertEquals(1, looks.stream().distinct().count(), "accept, refuse and choose look alike: " + looks);
        assertEquals("static", chromium.script("return getComputedStyle(arguments[0]).position;", chromium.visible("#consent-banner")),
                "the banner is part of the page and covers nothing");
        assertTrue(chromium.visible("main#main").isDisplayed(), "the page stays readable under the banner");
        assertNull(chromium.driver().manage().getCookieNamed(CONSENT_COOKIE), "nothing is stored before a choice");
        chromium.screenshot("consent-banner");

        chromium.click("button#consent-choose");
        assertEquals("true", chromium.visible("button#consent-choose").getDomAttribute("aria-expanded"));
        chromium.visible("#consent-banner input.consent-purpose[data-purpose=\"analytics\"]");
        List<WebElement> switches = chromium.all("#consent-banner input.consent-purpose");
        assertEquals(OPTIONAL, switches.stream().map(s -> s.getDomAttribute("data-purpose")).sorted().toList(),
                "a switch for each purpose that can be refused, none for what the site needs");
        for (WebElement s : switches) {
            assertFalse(s.isSelected(), s.getDomAttribute("data-purpose") + " is not pre-ticked");
        }
        for (WebElement purpose : chromium.all("#consent-banner li.purpose")) {
            String text = purpose.getText();
            assertTrue(text.contains("Legal basis"), "each purpose names its legal basis: " + text);
            assertFalse(purpose.findElement(By.cssSelector(".purpose-description")).getText().isBlank(), "and says what it is for");
        }
        assertTrue(chromium.visible("#consent-banner li.purpose[data-purpose-id=\"analytics\"]").getText().contains("Matomo Cloud"),
                "the analytics purpose names the processor that receives the data");
        assertTrue(chromium.visible("#consent-banner li.purpose[data-purpose-id=\"necessary\"]").getText().contains("Always on"));
        chromium.visible("button#consent-save");
        chromium.screenshot("consent-banner-choose");
    }

    @Test
    void accept_all_records_each_optional_purpose_as_granted_from_the_banner_and_the_banner_stays_away() throws Exception {
        firstVisit("/");
        chromium.click("button#consent-accept");
        chromium.gone("#consent-banner");
        String visitor = visitorId();
        assertEquals(decisions(true), ledger(visitor), "one granted row per optional purpose");
        assertLedgerRowsOf(visitor, "banner");

        chromium.driver().navigate().refresh();
        chromium.awaitReady();
        awaitConsentChecked("decided");
        assertFalse(chromium.shown("#consent-banner"), "no banner after a decision");
        chromium.open("/designers");
        awaitConsentChecked("decided");
        assertFalse(chromium.shown("#consent-banner"));
    }

    @Test
    void refuse_all_with_the_keyboard_records_each_optional_purpose_as_refused() throws Exception {
        firstVisit("/");
        Actions keyboard = new Actions(chromium.driver());
        int tabs = 0;
        while (!Boolean.TRUE.equals(chromium.script("return document.activeElement.id === 'consent-refuse';"))) {
            assertTrue(++tabs < 12, "Tab reaches Refuse all early; focus is on " + chromium.script("return document.activeElement.outerHTML;"));
            keyboard.sendKeys(Keys.TAB).perform();
        }
        keyboard.sendKeys(Keys.ENTER).perform();
        chromium.gone("#consent-banner");
        String visitor = visitorId();
        assertEquals(decisions(false), ledger(visitor), "one refused row per optional purpose");
        assertLedgerRowsOf(visitor, "banner");
        assertEquals("main", chromium.script("return document.activeElement.id;"), "focus goes to the page, not lost");
    }

    @Test
    void choose_records_the_one_purpose_switched_on_and_refuses_the_others() throws Exception {
        firstVisit("/");
        chromium.click("button#consent-choose");
        WebElement analytics = chromium.visible("#consent-banner input.consent-purpose[data-purpose=\"analytics\"]");
        assertEquals("switch", analytics.getDomAttribute("role"));
        analytics.sendKeys(Keys.SPACE);
        assertTrue(analytics.isSelected(), "space switches it on");
        chromium.click("button#consent-save");
        chromium.gone("#consent-banner");
        Map<String, Boolean> expected = new LinkedHashMap<>(decisions(false));
        expected.put("analytics", true);
        assertEquals(expected, ledger(visitorId()));
    }

    @Test
    void the_settings_page_shows_the_choices_changes_one_and_withdraws_them_all() throws Exception {
        firstVisit("/");
        chromium.click("button#consent-accept");
        chromium.gone("#consent-banner");
        String visitor = visitorId();

        chromium.click("a#footer-privacy-settings");
        chromium.awaitPath("/privacy/settings");
        chromium.awaitText("#consent-status", "current choices");
        for (String purpose : OPTIONAL) {
            assertTrue(purposeSwitch(purpose).isSelected(), purpose + " shows as on, as chosen in the banner");
        }
        assertFalse(chromium.shown("#consent-banner"), "the settings page has no banner");
        chromium.screenshot("privacy-settings");

        purposeSwitch("social").click();
        chromium.click("button#consent-save");
        chromium.awaitText("#consent-status", "saved");
        assertEquals(new Decision(false, "settings"), latest(visitor, "social"), "the change is recorded from the settings page");
        assertEquals(new Decision(true, "banner"), latest(visitor, "analytics"), "what was not changed keeps its record");

        chromium.click("button#consent-withdraw");
        chromium.awaitText("#consent-status", "withdrawn");
        for (String purpose : OPTIONAL) {
            assertFalse(purposeSwitch(purpose).isSelected(), purpose + " is off after the withdrawal");
            assertEquals(new Decision(false, "settings"), latest(visitor, purpose), purpose + " withdrawn in the ledger");
        }

        chromium.driver().navigate().refresh();
        chromium.awaitReady();
        chromium.visible("#consent-status");
        for (String purpose : OPTIONAL) {
            assertFalse(purposeSwitch(purpose).isSelected(), purpose + " still off after a reload");
        }
        chromium.open("/");
        awaitConsentChecked("decided");
        assertFalse(chromium.shown("#consent-banner"), "a withdrawal is a decision: no banner");
    }

    @Test
    void the_privacy_page_states_the_policy_the_region_the_retention_and_the_processors() throws Exception {
        JsonNode privacy = VitrineInstance.JSON.readTree(vitrine.get("/api/privacy").body());
        chromium.open("/");
        chromium.click("a#footer-privacy");
        chromium.awaitPath("/privacy");
        String policy = chromium.visible("#privacy-policy").getText();
        assertTrue(policy.contains("version " + privacy.path("policy").path("version").asText()), policy);
        assertTrue(policy.contains("Example Design Lab"), policy);
        assertTrue(policy.contains("EU (Germany)"), policy);
        assertTrue(policy.contains("privacy@example.org"), policy);
        assertTrue(chromium.visible("#privacy-retention").getText().contains("90 days"), "the IP retention is stated");
        List<String> processors = chromium.all("#privacy-processors li").stream().map(WebElement::getText).toList();
        assertEquals(2, processors.size(), processors.toString());
        assertTrue(processors.stream().anyMatch(p -> p.contains("Matomo Cloud") && p.contains("Analytics")), processors.toString());
        assertTrue(processors.stream().anyMatch(p -> p.contains("Example Mail Service") && p.contains("Newsletter")), processors.toString());
        chromium.screenshot("privacy");
    }

    @Test
    void a_new_policy_version_brings_the_banner_back_and_keeps_the_earlier_decisions() throws Exception {
        firstVisit("/");
        chromium.click("button#consent-accept");
        chromium.gone("#consent-banner");
        String visitor = visitorId();
        try {
            setGdprVersion("2", "2025-09-01");
            chromium.open("/");
            chromium.visible("#consent-banner");
            chromium.awaitText("#consent-banner", "version 2");
            assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND policy_version = '1'", visitor),
                    "the decisions under version 1 stay in the ledger");
            chromium.screenshot("consent-banner-new-version");
            chromium.click("button#consent-refuse");
            chromium.gone("#consent-banner");
            assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND policy_version = '2' "
                    + "AND NOT granted AND source = 'banner'", visitor));
        } finally {
            setGdprVersion("1", "2025-01-01");
        }
    }

    @Test
    void the_contact_form_sends_a_privacy_request_to_the_admins() throws Exception {
        chromium.open("/");
        chromium.click("a#footer-contact");
        chromium.awaitPath("/contact");
        chromium.visible("form#contact-form");
        chromium.type("input#contact-name", "Grace Visitor");
        chromium.type("#contact-email", "grace@example.org");
        new Select(chromium.visible("select#contact-type")).selectByValue("privacy-request");
        chromium.type("textarea#contact-message", "Please erase my designer profile <b>now</b>.");
        chromium.screenshot("contact");
        chromium.click("button#contact-submit");
        chromium.awaitText("#contact-done", "Thank you");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests WHERE email = 'grace@example.org' AND name = 'Grace Visitor' "
                + "AND type = 'privacy-request' AND message = 'Please erase my designer profile <b>now</b>.'"));
    }

    @Test
    void the_contact_form_says_what_is_missing_and_sends_nothing() throws Exception {
        chromium.open("/contact");
        chromium.type("input#contact-name", "No Message");
        chromium.click("button#contact-submit");
        chromium.awaitSomeText("#contact-error[role=alert]");
        assertFalse(chromium.shown("#contact-done"));
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests WHERE name = 'No Message'"));
    }

    /** A new visitor (no cookie) opens the path: the banner asks. */
    private static void firstVisit(String path) {
        chromium.forgetCookies();
        chromium.open(path);
        awaitConsentChecked("pending");
        chromium.visible("#consent-banner");
    }

    private static void awaitConsentChecked(String state) {
        chromium.waitUntil("the client to know the consent state '" + state + "'", ChromiumSession.WAIT,
                d -> state.equals(chromium.script("return document.body.dataset.consent;")));
    }

    /** Size, colours, font and border of a button, to compare the banner's three answers. */
    private static String look(WebElement button) {
        return button.getSize() + " " + chromium.script("const s = getComputedStyle(arguments[0]);"
                + "return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderTopWidth, s.borderTopColor, s.paddingTop].join(' ');",
                button);
    }

    private static WebElement purposeSwitch(String purpose) {
        return chromium.visible("input.consent-purpose[data-purpose=\"" + purpose + "\"]");
    }

    private static String visitorId() {
        Cookie cookie = chromium.waitUntil("the consent cookie", ChromiumSession.WAIT, d -> d.manage().getCookieNamed(CONSENT_COOKIE));
        assertNotNull(cookie.getValue());
        assertTrue(cookie.isHttpOnly(), "the consent cookie is HttpOnly");
        return cookie.getValue();
    }

    private static Map<String, Boolean> decisions(boolean granted) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        OPTIONAL.forEach(p -> all.put(p, granted));
        return all;
    }

    /** purpose -> granted, for the visitor's rows in the ledger (each purpose once), by purpose. */
    private static Map<String, Boolean> ledger(String visitor) throws Exception {
        Map<String, Boolean> rows = new LinkedHashMap<>();
        try (Connection db = vitrine.database(); PreparedStatement query = db.prepareStatement(
                "SELECT purpose, granted FROM consent_records WHERE visitor_id = ? ORDER BY purpose, id")) {
            query.setString(1, visitor);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    assertNull(rows.put(rs.getString(1), rs.getBoolean(2)), "one row per purpose: " + rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** Every row of the visitor: from this source, under the policy and version in force, with the wording's version. */
    private static void assertLedgerRowsOf(String visitor, String source) throws Exception {
        JsonNode policy = VitrineInstance.JSON.readTree(vitrine.get("/api/privacy").body()).path("policy");
        assertEquals(OPTIONAL.size(), Rows.count(vitrine, "SELECT COUNT(*) FROM consent_records WHERE visitor_id = ? AND subject_type = 'visitor' "
                        + "AND source = ? AND policy_id = ? AND policy_version = ? AND ui_text_version = 'ui-1' AND recorded_at IS NOT NULL",
                visitor, source, policy.path("id").asText(), policy.path("version").asText()));
    }

    record Decision(boolean granted, String source) {
    }

    private static Decision latest(String visitor, String purpose) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement query = db.prepareStatement(
                "SELECT granted, source FROM consent_records WHERE visitor_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1")) {
            query.setString(1, visitor);
            query.setString(2, purpose);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "a record for " + purpose);
                return new Decision(rs.getBoolean(1), rs.getString(2));
            }
        }
    }

    /** Changes the GDPR policy's version in the module's settings while Vitrine runs, and waits until it applies. */
    private static void setGdprVersion(String version, String effectiveDate) throws Exception {
        vitrine.setting("privacy.properties", "gdpr.version", version);
        vitrine.setting("privacy.properties", "gdpr.effective.date", effectiveDate);
        VitrineInstance.await("GDPR policy version " + version, Duration.ofSeconds(20), () -> {
            try {
                return version.equals(VitrineInstance.JSON.readTree(vitrine.get("/api/privacy").body()).path("policy").path("version").asText());
            } catch (Exception notYet) {
                return false;
            }
        });
    }
}
