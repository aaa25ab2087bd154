package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vitrine.it.onshape.FakeDocument;
import org.vitrine.it.onshape.FakeOnshape;

/**
 * Importing in Chromium: "Sign in with Onshape" against the fake Onshape, the picker, a job's progress bar up to
 * 100 % (still there after a reload), the imported documents in the gallery, and a pasted address whose document
 * cannot be read, imported with "Retry failed" once it can.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportInBrowserTest {

    static final List<String> NAMES = List.of("Planetary gearbox housing", "Bicycle bottle cage", "Desk cable clip");
    static final Duration JOB = Duration.ofSeconds(120);

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("browser-import"), onshape).start();
        chromium.at(vitrine);
        for (String name : NAMES) {
            onshape.addDocument(FakeDocument.named(name));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    @Order(1)
    void a_person_signs_in_with_onshape_imports_from_the_picker_and_watches_the_job_complete() throws Exception {
        signInWithOnshape();

        chromium.open("/import");
        chromium.waitUntil("the person's Onshape documents in the picker", ChromiumSession.WAIT,
                d -> pickerNames().containsAll(NAMES));
        assertEquals(NAMES.size(), pickerNames().size(), "exactly the person's documents: " + pickerNames());
        chromium.waitUntil("the picker's thumbnails to load", ChromiumSession.WAIT, d -> Boolean.TRUE.equals(chromium.script(
                "const imgs = [...document.querySelectorAll('ul#picker li img')];"
                        + "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);")));

        pickerSearch("gearbox");
        chromium.waitUntil("the picker to show the gearbox only", ChromiumSession.WAIT,
                d -> pickerNames().equals(List.of("Planetary gearbox housing")));
        pickerSearch("");
        chromium.waitUntil("the picker to show all again", ChromiumSession.WAIT, d -> pickerNames().size() == NAMES.size());

        chromium.click("button#picker-select-all");
        chromium.waitUntil("every document to be selected", ChromiumSession.WAIT,
                d -> chromium.all("ul#picker li input[type=checkbox]").stream().allMatch(WebElement::isSelected));
        Set<String> selected = new HashSet<>();
        chromium.all("ul#picker li input[type=checkbox]").forEach(box -> selected.add(box.getDomProperty("value")));
        onshape.faults().latency(Duration.ofMillis(150));
        assertFalse(chromium.visible("button#import-start").isEnabled(), "no import before the rights are confirmed");
        assertEquals("/terms", chromium.visible("label[for=import-rights] a").getDomAttribute("href"));
        chromium.click("input#import-rights");
        chromium.click("button#import-start");

        WebElement job = chromium.visible("ul#jobs > li.job[data-job-id]");
        String jobId = job.getDomAttribute("data-job-id");
        String css = "ul#jobs > li.job[data-job-id=\"" + jobId + "\"]";
        awaitJobFinished(css, "completed");
        assertEquals(NAMES.size() + " / " + NAMES.size(), chromium.visible(css + " .job-count").getText().trim());
        assertEquals(String.valueOf(NAMES.size()), chromium.present(css + " progress.job-progress").getDomProperty("max"));
        chromium.screenshot("import-progress");
        for (String onshapeId : selected) {
            assertEquals(1, ImportJobs.copiesOf(vitrine, onshapeId), "imported once: " + onshapeId);
        }

        chromium.driver().navigate().refresh();
        chromium.awaitReady();
        awaitJobFinished(css, "completed");

        chromium.open("/");
        chromium.waitUntil("the imported documents in the gallery", ChromiumSession.WAIT,
                d -> chromium.all("ul#gallery > li.card .card-title").stream().map(WebElement::getText).toList().containsAll(NAMES));

        // the person who imported a document chooses its licence
        String page = chromium.all("ul#gallery > li.card a.card-link").get(0).getDomAttribute("href");
        chromium.open(page);
        new Select(chromium.visible("select#licence-select")).selectByValue("MIT");
        chromium.click("button#licence-save");
        chromium.waitUntil("the licence MIT to be shown", ChromiumSession.WAIT,
                d -> "MIT".equals(chromium.visible("#doc-licence").getText().trim()));
        chromium.open(page);
        chromium.waitUntil("the licence MIT after a reload", ChromiumSession.WAIT,
                d -> "MIT".equals(chromium.visible("#doc-licence").getText().trim()));
        assertEquals("MIT", new Browser(vitrine).get("/api" + page.replace("/d/", "/documents/")).json().path("licence").asText(),
                "anyone sees the new licence");
    }

    @Test
    @Order(2)
    void a_pasted_address_of_a_document_onshape_refuses_shows_the_failure_with_its_reason_and_retries_it() throws Exception {
        String locked = onshape.addDocument(FakeDocument.named("Locked fixture"));
        onshape.refuseAccess(locked, true);
        signInWithOnshape();
        chromium.open("/import");
        int jobsBefore = chromium.all("ul#jobs > li.job").size();
        assertFalse(chromium.visible("button#import-url-submit").isEnabled(), "no import before the rights are confirmed");
        chromium.click("input#import-rights");

        chromium.type("input#import-url", "http://evil.example/documents/" + locked);
        chromium.click("button#import-url-submit");
        chromium.awaitSomeText("#import-error[role=alert]");
        assertEquals(jobsBefore, chromium.all("ul#jobs > li.job").size(), "an address of another site makes no job");

        chromium.type("input#import-url", onshape.baseUri() + "/documents/" + locked);
        chromium.click("button#import-url-submit");
        chromium.waitUntil("a new job", ChromiumSession.WAIT, d -> chromium.all("ul#jobs > li.job").size() == jobsBefore + 1);
        String jobId = chromium.all("ul#jobs > li.job").get(0).getDomAttribute("data-job-id");
        String css = "ul#jobs > li.job[data-job-id=\"" + jobId + "\"]";
        String state = awaitJobFinished(css, "completed", "failed");
        List<String> reasons = chromium.all(css + " ul.job-failures li").stream().map(WebElement::getText).toList();
        assertEquals(1, reasons.size(), "one failure listed (" + state + "): " + reasons);
        assertFalse(reasons.get(0).isBlank(), "the failure has its reason");
        chromium.screenshot("import-failure");
        assertEquals(0, ImportJobs.copiesOf(vitrine, locked));

        onshape.refuseAccess(locked, false);
        // in the middle of the window, where the sticky header cannot cover it
        chromium.script("arguments[0].scrollIntoView({block: 'center'})", chromium.visible(css + " button.job-retry"));
        chromium.click(css + " button.job-retry");
        // the answer to the retry shows the job queued at once; it is done when the imported design is linked
        chromium.waitUntil("the document imported, its failure and the retry button gone", JOB,
                d -> !chromium.all(css + " .job-done a").isEmpty() && chromium.all(css + " ul.job-failures li").isEmpty()
                        && chromium.all(css + " button.job-retry").stream().noneMatch(WebElement::isDisplayed));
        awaitJobFinished(css, "completed");
        assertEquals(1, ImportJobs.copiesOf(vitrine, locked), "imported once on retry");
    }

    @Test
    @Order(3)
    void a_person_without_an_onshape_connection_is_offered_to_connect_it() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("password-only"), "copper kettle 73 by the sea");
        chromium.useSessionOf(person);
        chromium.open("/import");
        String connect = chromium.visible("a#import-onshape-connect").getDomAttribute("href");
        assertTrue(connect.contains("/api/auth/onshape/start"), "it starts the Onshape sign-in: " + connect);
    }

    @Test
    @Order(4)
    void the_in_onshape_page_publishes_only_after_the_rights_are_confirmed() throws Exception {
        String did = onshape.addDocument(FakeDocument.named("Published from inside Onshape"));
        signInWithOnshape();
        chromium.driver().get(chromium.url("/onshape/app?documentId=" + did)); // its own page, not the web interface
        chromium.awaitText("#status", "Signed in as");
        assertFalse(chromium.visible("button#publish").isEnabled(), "no publishing before the rights are confirmed");
        assertEquals("/terms", chromium.visible("label a").getDomAttribute("href"));
        chromium.click("input#rights");
        chromium.click("button#publish");
        chromium.awaitText("#status", "Published.");
        assertEquals(1, ImportJobs.copiesOf(vitrine, did));
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs j JOIN import_job_items i ON i.job_id = j.id "
                + "WHERE i.source = ? AND j.rights_confirmed_at IS NOT NULL AND j.terms_version IS NOT NULL", did));
    }

    /** From the sign-in page: the "Sign in with Onshape" button, the (fake) consent, back to Vitrine signed in. */
    private static void signInWithOnshape() {
        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.click("a#signin-onshape");
        chromium.waitUntil("the browser to come back from Onshape", ChromiumSession.WAIT,
                d -> d.getCurrentUrl().startsWith(chromium.url("/")) && !d.getCurrentUrl().contains("/api/auth/onshape/"));
        chromium.awaitReady();
        chromium.visible("a#nav-account");
        assertFalse(chromium.location().contains("error="), "signed in without error: " + chromium.location());
    }

    private static void pickerSearch(String words) {
        WebElement box = chromium.visible("input#picker-search");
        box.clear();
        box.sendKeys(words, Keys.ENTER);
    }

    private static List<String> pickerNames() {
        return chromium.all("ul#picker li").stream().map(li -> li.getText().trim()).map(ImportInBrowserTest::firstLine).toList();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Waits until the job's state is one of the given ones with its bar full (value = done + failed = max = total),
     * and returns the state.
     */
    private static String awaitJobFinished(String css, String... states) {
        Set<String> wanted = Set.of(states);
        chromium.waitUntil("the job " + css + " to be " + wanted + " with a full progress bar", JOB, d -> {
            List<WebElement> state = d.findElements(By.cssSelector(css + " .job-state"));
            List<WebElement> bar = d.findElements(By.cssSelector(css + " progress.job-progress"));
            if (state.isEmpty() || bar.isEmpty() || !wanted.contains(state.get(0).getText().trim())) {
                return false;
            }
            String value = bar.get(0).getDomProperty("value");
            String max = bar.get(0).getDomProperty("max");
            return max != null && Double.parseDouble(max) > 0 && Double.parseDouble(value) == Double.parseDouble(max);
        });
        return chromium.visible(css + " .job-state").getText().trim();
    }
}
