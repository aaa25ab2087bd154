package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.vitrine.it.onshape.FakeDocument;
import org.vitrine.it.onshape.FakeDocument.ElementType;
import org.vitrine.it.onshape.FakeOnshape;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What anyone sees without signing in, in Chromium: the gallery, its search, a document page, the designers and
 * the browsable API; and a document whose name is markup, shown literally everywhere.
 */
@Timeout(600)
class GalleryInBrowserTest {

    static final String GEARBOX = "Planetary gearbox housing";
    static final String GEARBOX_DESCRIPTION = "Two-stage reducer housing for NEMA 17 motors";
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    static final List<String> OTHERS = List.of("Bicycle bottle cage", "Desk cable clip");

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    /** Vitrine's document id by name. */
    private static final Map<String, Long> imported = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("browser-gallery"), onshape).start();
        chromium.at(vitrine);
        List<String> ids = new ArrayList<>();
        ids.add(onshape.addDocument(FakeDocument.named(GEARBOX).description(GEARBOX_DESCRIPTION).tags("gearbox", "robotics")
                .element("Housing", ElementType.PARTSTUDIO).element("Gear train", ElementType.ASSEMBLY)
                .version("V1", "First release")));
        for (String name : OTHERS) {
            ids.add(onshape.addDocument(FakeDocument.named(name)));
        }
        ids.add(onshape.addDocument(FakeDocument.named(MARKUP).description("<script>alert(2)</script> & \"quotes\"")));
        Browser designer = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, designer, null);
        JsonNode job = ImportJobs.awaitCompleted(designer, ImportJobs.importDocuments(designer, ids));
        assertEquals(ids.size(), job.path("done").asInt(), job.toString());
        for (String id : ids) {
            imported.put(onshape.document(id).name(), ImportJobs.item(job, id).path("documentId").asLong());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void anyone_browses_the_gallery_searches_it_and_opens_a_document_page() throws Exception {
        chromium.open("/");
        chromium.visible("a#nav-signin");
        chromium.visible("a#nav-register");
        assertFalse(chromium.shown("a#nav-import"), "no import link for someone signed out");
        chromium.waitUntil("4 cards in the gallery", ChromiumSession.WAIT, d -> cardTitles().size() == 4);
        assertEquals(imported.keySet(), new HashSet<>(cardTitles()), "every imported document has a card");
        chromium.awaitText("#result-count", "4");
        for (WebElement card : chromium.all("ul#gallery > li.card")) {
            String href = card.findElement(By.cssSelector("a.card-link")).getDomAttribute("href");
            String title = card.findElement(By.cssSelector(".card-title")).getText();
            assertEquals("/d/" + imported.get(title), href, "the card of " + title + " links to its page");
            assertFalse(card.findElements(By.cssSelector("img.card-thumb")).isEmpty(), "the card of " + title + " has a thumbnail");
        }
        awaitImagesLoaded("ul#gallery img.card-thumb");
        chromium.screenshot("gallery");

        search("gearbox");
        chromium.waitUntil("only the gearbox to match", ChromiumSession.WAIT, d -> cardTitles().equals(List.of(GEARBOX)));
        chromium.awaitText("#result-count", "1");
        assertTrue(chromium.location().contains("q=gearbox"), "the search is in the address: " + chromium.location());

        search("unicorn");
        chromium.visible("#gallery-empty");
        assertEquals(List.of(), cardTitles());

        search("gearbox");
        chromium.waitUntil("only the gearbox to match", ChromiumSession.WAIT, d -> cardTitles().equals(List.of(GEARBOX)));
        chromium.click("ul#gallery > li.card a.card-link");
        chromium.awaitPath("/d/" + imported.get(GEARBOX));
        assertEquals(GEARBOX, chromium.visible("h1#doc-name").getText());
        chromium.awaitText("#doc-description", GEARBOX_DESCRIPTION);
        awaitImagesLoaded("img#doc-preview");
        List<String> elements = texts("ul#doc-elements li .element-name");
        assertTrue(elements.containsAll(List.of("Housing", "Gear train")), "elements listed: " + elements);
        assertTrue(texts("ul#doc-elements li .element-type").stream().allMatch(t -> !t.isBlank()), "each element says its type");
        assertFalse(chromium.all("ul#doc-workspaces li").isEmpty(), "workspaces listed");
        assertTrue(texts("ul#doc-versions li").stream().anyMatch(t -> t.contains("V1")), "versions: " + texts("ul#doc-versions li"));
        assertFalse(chromium.visible("#doc-licence").getText().isBlank(), "a licence is shown");
        String source = chromium.visible("a#doc-source").getDomProperty("href");
        assertTrue(source.startsWith(onshape.baseUri().toString()), "the source link leads to Onshape: " + source);
        WebElement designer = chromium.visible("ul#doc-designers li a[href^=\"/designers/\"]");
        assertEquals(onshape.signedInUser().name(), designer.getText());
        assertFalse(chromium.shown("select#licence-select"), "only its importer or an admin may change the licence");
        chromium.screenshot("document");
    }

    @Test
    void the_gallery_sorts_and_filters_by_tag_and_keeps_that_state_in_its_address() {
        chromium.open("/");
        new Select(chromium.visible("select#sort")).selectByValue("name");
        chromium.waitUntil("the sort in the address", ChromiumSession.WAIT, d -> chromium.location().contains("sort=name"));
        chromium.waitUntil("the cards sorted by name", ChromiumSession.WAIT, d -> {
            List<String> words = cardTitles().stream().filter(t -> !t.equals(MARKUP)).toList();
            return words.size() == 3 && words.equals(words.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        });

        WebElement tag = chromium.visible("input#filter-tag");
        tag.clear();
        tag.sendKeys("robotics", Keys.ENTER);
        chromium.waitUntil("the tag in the address", ChromiumSession.WAIT, d -> chromium.location().contains("tag=robotics"));
        chromium.waitUntil("only the document tagged robotics", ChromiumSession.WAIT, d -> cardTitles().equals(List.of(GEARBOX)));
        chromium.awaitText("#result-count", "1");

        chromium.driver().navigate().refresh();
        chromium.awaitReady();
        chromium.waitUntil("the same cards after a reload", ChromiumSession.WAIT, d -> cardTitles().equals(List.of(GEARBOX)));
        assertEquals("robotics", chromium.visible("input#filter-tag").getDomProperty("value"));
        assertEquals("name", chromium.visible("select#sort").getDomProperty("value"));
    }

    @Test
    void the_gallery_works_with_the_keyboard_alone() {
        chromium.open("/");
        chromium.waitUntil("the cards", ChromiumSession.WAIT, d -> cardTitles().size() == imported.size());
        Actions keyboard = new Actions(chromium.driver());
        int tabs = 0;
        while (!Boolean.TRUE.equals(chromium.script("return document.activeElement.matches('a.card-link');"))) {
            assertTrue(++tabs < 40, "Tab reaches a card link; focus is on " + chromium.script("return document.activeElement.outerHTML;"));
            keyboard.sendKeys(Keys.TAB).perform();
        }
        String href = (String) chromium.script("return document.activeElement.getAttribute('href');");
        keyboard.sendKeys(Keys.ENTER).perform();
        chromium.awaitPath(href);
        chromium.visible("h1#doc-name");
    }

    @Test
    void the_designers_page_lists_designers_and_a_profile_shows_their_documents() {
        chromium.open("/designers");
        String name = onshape.signedInUser().name();
        WebElement link = chromium.waitUntil(name + " in the designers list", ChromiumSession.WAIT,
                d -> chromium.all("ul#designers li a[href^=\"/designers/\"]").stream()
                        .filter(a -> a.getText().contains(name)).findFirst().orElse(null));
        chromium.screenshot("designers");
        String profile = link.getDomAttribute("href");
        link.click();
        chromium.awaitPath(profile);
        assertEquals(name, chromium.visible("h1#designer-name").getText());
        chromium.waitUntil("the designer's documents", ChromiumSession.WAIT,
                d -> new HashSet<>(cardTitles()).equals(imported.keySet()));
        chromium.screenshot("designer-profile");
    }

    @Test
    void a_document_named_like_markup_shows_its_name_literally_on_its_card_and_its_page() throws Exception {
        long id = imported.get(MARKUP);
        chromium.open("/?sort=name");
        WebElement card = chromium.waitUntil("the card of the document named " + MARKUP, ChromiumSession.WAIT,
                d -> chromium.all("ul#gallery > li.card").stream()
                        .filter(c -> c.findElement(By.cssSelector(".card-title")).getText().equals(MARKUP))
                        .findFirst().orElse(null));
        assertTrue(card.findElements(By.cssSelector(".card-title *")).isEmpty(), "the name made no element in the card title");
        assertNothingInjected();

        chromium.open("/d/" + id);
        WebElement heading = chromium.visible("h1#doc-name");
        assertEquals(MARKUP, heading.getText());
        assertTrue(heading.findElements(By.xpath("./*")).isEmpty(), "the name made no element in the heading");
        chromium.awaitText("#doc-description", "<script>alert(2)</script> & \"quotes\"");
        assertNothingInjected();
        assertEquals(MARKUP, chromium.script(
                "const m = document.querySelector('meta[property=\"og:title\"]'); return m && m.getAttribute('content');"),
                "og:title as the browser reads it");
        chromium.screenshot("document-named-like-markup");

        String head = vitrine.get("/d/" + id).body();
        String ogTitle = metaTag(head, "og:title");
        assertTrue(ogTitle.contains("&lt;img src=x onerror=alert(1)&gt;"), "og:title holds the escaped name: " + ogTitle);
        assertFalse(head.contains(MARKUP), "the raw name appears nowhere in the server-rendered page");
    }

    @Test
    void a_document_that_does_not_exist_shows_not_found() {
        chromium.open("/d/987654321");
        chromium.visible("#not-found");
    }

    @Test
    void the_api_page_lists_every_operation_of_the_openapi_description() throws Exception {
        JsonNode openapi = VitrineInstance.JSON.readTree(vitrine.get("/api/openapi.json").body());
        int operations = 0;
        for (JsonNode path : openapi.path("paths")) {
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                operations += path.has(method) ? 1 : 0;
            }
        }
        chromium.open("/api-docs");
        chromium.screenshot("api-docs");
        assertTrue(operations > 10, "the description covers the API: " + operations + " operations");
        int expected = operations;
        chromium.waitUntil(expected + " operations listed", ChromiumSession.WAIT, d -> chromium.all("#api-paths li").size() == expected);
        assertTrue(texts("#api-paths li").stream().anyMatch(t -> t.contains("/api/documents")), "the catalog is described");
    }

    private static void search(String words) {
        WebElement box = chromium.visible("form#search-form input#search");
        box.clear();
        box.sendKeys(words, Keys.ENTER);
        chromium.waitUntil("the search for " + words + " in the address", ChromiumSession.WAIT,
                d -> chromium.location().contains("q=" + words));
        chromium.awaitReady();
    }

    private static List<String> cardTitles() {
        return texts("ul#gallery > li.card .card-title");
    }

    private static List<String> texts(String css) {
        return chromium.all(css).stream().map(WebElement::getText).toList();
    }

    /** Every image matching the selector has been loaded and decoded (a broken image has no natural width). */
    private static void awaitImagesLoaded(String css) {
        chromium.waitUntil("the images " + css + " to load", ChromiumSession.WAIT, d -> Boolean.TRUE.equals(chromium.script(
                "const imgs = [...document.querySelectorAll(arguments[0])];"
                        + "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);", css)));
    }

    /** No alert was raised and no element came out of the name: no {@code <img src="x">}, no script from the description. */
    private static void assertNothingInjected() {
        assertNull(chromium.openDialog(), "no JavaScript dialog");
        assertEquals(0L, chromium.script("return document.querySelectorAll('img[src=\"x\"], img[onerror]').length;"),
                "no image element made from the name");
        assertEquals(0L, chromium.script("return [...document.scripts].filter(s => s.textContent.includes('alert(')).length;"),
                "no script element made from the description");
    }

    /** The {@code <meta property="NAME" ...>} tag of the page's head, as the server sent it. */
    private static String metaTag(String html, String property) {
        int at = html.indexOf("property=\"" + property + "\"");
        assertTrue(at >= 0, property + " is in the head");
        int start = html.lastIndexOf('<', at);
        return html.substring(start, html.indexOf('>', at) + 1);
    }
}
