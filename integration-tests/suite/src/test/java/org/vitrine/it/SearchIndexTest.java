package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalog's search through the Lucene index module: what it finds, how it ranks and counts, that takedowns and
 * erasures leave it at once, and that an index missing or older than the database is rebuilt in the background
 * while searches keep being answered. The catalog rows are written straight into the database, so the index learns
 * of them only by a rebuild: {@code vitrine reindex} at the start, a restart later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIndexTest {

    private static final String PASSWORD = "lantern orchard 84 under frost";
    private static final int WIDGETS = 1_050;
    private static VitrineInstance vitrine;
    private static Browser person;
    private static long bearings;
    private static long lamp;
    private static long gearbox;
    private static long drone;
    private static long tripod;
    private static long easel;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("search-index").generousSignInLimits()
                .setting("modules.properties", "search-lucene", "enabled").start();
        person = Browser.registered(vitrine, Browser.newEmail("importer"), PASSWORD);
        long account = person.me().json().path("id").asLong();
        long ada = CatalogSeed.designer(vitrine, "Ada Lovelace");
        long grace = CatalogSeed.designer(vitrine, "Grace Hopper");
        bearings = document("Ball bearings housing", "A housing for two ball races", null);
        CatalogSeed.credit(vitrine, bearings, ada, "owner");
        tag(bearings, "mechanics");
        element(bearings, "Outer ring");
        lamp = document("Desk lamp", "The arm turns on two bearings", null);
        CatalogSeed.credit(vitrine, lamp, grace, "owner");
        gearbox = document("Planetary gearbox", "A compact reduction stage", null);
        element(gearbox, "Sun gear");
        drone = document("Drone frame", null, null);
        tag(drone, "quadcopter");
        element(drone, "Motor mount");
        CatalogSeed.credit(vitrine, drone, grace, "owner");
        tripod = document("Quokka tripod", null, null);
        easel = document("Wombat easel", null, account);
        widgets();

        VitrineInstance.CommandResult reindex = vitrine.command("reindex");
        assertEquals(0, reindex.exitCode(), reindex.output());
        assertTrue(reindex.output().contains("The search index is ready"), reindex.output());
        JsonNode status = status();
        assertEquals("lucene", status.path("engine").asText());
        assertEquals("ready", status.path("state").asText());
        assertEquals(WIDGETS + 6, status.path("indexed").asLong(), status.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    @Order(1)
    void a_word_finds_the_longer_words_it_starts_and_designer_element_and_tag_names() throws Exception {
        assertTrue(ids("bear").containsAll(List.of(bearings, lamp)), "bear finds bearings");
        assertEquals(List.of(gearbox), ids("gear"), "gear finds gearbox (and the element Sun gear)");
        assertEquals(List.of(bearings), ids("lovelace"), "a designer's name");
        assertEquals(List.of(lamp, drone), sorted(ids("hopper")), "a designer's name");
        assertEquals(List.of(drone), ids("motor"), "an element's name");
        assertEquals(List.of(drone), ids("quadcopter"), "a tag");
        assertEquals(List.of(drone), ids("hopper+quad"), "every word must match");
        assertEquals(List.of(gearbox), ids("planetery"), "a typo in a long word of a name");
    }

    @Test
    @Order(1)
    void a_match_in_the_name_ranks_first_and_filters_still_apply() throws Exception {
        assertEquals(List.of(bearings, lamp), ids("bearings"), "the name outweighs the description");
        assertEquals(List.of(lamp), ids("bearings&designer=" + designerOf(lamp)));
        assertEquals(List.of(drone), ids("frame&tag=quadcopter"));
        assertEquals(List.of(), ids("frame&tag=mechanics"));
    }

    @Test
    @Order(1)
    void a_total_is_exact_up_to_a_thousand_then_a_lower_bound() throws Exception {
        JsonNode many = search("widget");
        assertEquals(1000, many.path("total").asLong(), many.toString());
        assertTrue(many.path("totalIsLowerBound").asBoolean());
        assertEquals(24, many.path("items").size());
        JsonNode few = search("gear");
        assertEquals(1, few.path("total").asLong());
        assertFalse(few.path("totalIsLowerBound").asBoolean());
        HttpResponse<String> deep = vitrine.get("/api/documents?q=widget&size=100&page=100");
        assertEquals(400, deep.statusCode());
        assertTrue(deep.body().contains("'page'"), deep.body());
    }

    @Test
    @Order(2)
    void a_takedown_leaves_the_search_at_once_and_a_restore_brings_it_back() throws Exception {
        assertEquals(List.of(tripod), ids("quokka"));
        HttpResponse<String> down = vitrine.postAsAdmin("/api/documents/" + tripod + "/deletion", "{}");
        assertEquals(200, down.statusCode(), down.body());
        assertEquals(List.of(), ids("quokka"));
        assertEquals(List.of(), ids("quok"));
        HttpResponse<String> restored = vitrine.postAsAdmin("/api/admin/documents/" + tripod + "/restore", "{}");
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(List.of(tripod), ids("quok"));
    }

    @Test
    @Order(2)
    void an_erased_accounts_documents_leave_the_search_at_once() throws Exception {
        assertEquals(List.of(easel), ids("wombat"));
        Browser.Reply deleted = person.delete("/api/me", body("password", PASSWORD));
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(List.of(), ids("wombat"));
    }

    @Test
    @Order(3)
    void an_index_older_than_the_database_or_missing_is_rebuilt_while_searches_are_answered() throws Exception {
        long narwhal = document("Narwhal gearbox", null, null); // behind the index's back
        assertEquals(List.of(), ids("narwhal"), "the index does not know it yet");
        vitrine.stop();
        vitrine.start();
        assertEquals(200, vitrine.get("/api/documents?q=narw").statusCode(), "answered whatever the index is doing");
        awaitReady();
        assertEquals(List.of(narwhal), ids("narw"), "the index was rebuilt: it finds the document by a prefix");

        vitrine.stop();
        Path index = vitrine.home.resolve("data/index");
        assertTrue(Files.isDirectory(index), "the index lives in data/index");
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        vitrine.start();
        // searched at once: from the database while the index rebuilds, from the index once ready
        HttpResponse<String> meanwhile = vitrine.get("/api/documents?q=narwhal");
        assertEquals(200, meanwhile.statusCode());
        assertTrue(meanwhile.body().contains("Narwhal gearbox"), meanwhile.body());
        JsonNode status = awaitReady();
        assertEquals(WIDGETS + 6, status.path("indexed").asLong(), "the easel stays out: its account was erased");
        assertEquals(List.of(narwhal), ids("narw"));
    }

    @Test
    @Order(4)
    void the_index_status_and_reindex_are_for_admins() throws Exception {
        assertEquals(401, vitrine.get("/api/admin/search").statusCode());
        HttpResponse<String> again = vitrine.postAsAdmin("/api/admin/search/reindex", "{}");
        assertEquals(202, again.statusCode(), again.body());
        awaitReady();
        assertEquals(List.of(gearbox), ids("planetary"));
    }

    private static JsonNode awaitReady() throws Exception {
        VitrineInstance.await("the search index to be ready", Duration.ofSeconds(90),
                () -> "ready".equals(unchecked(() -> status().path("state").asText())));
        return status();
    }

    private static JsonNode status() throws Exception {
        HttpResponse<String> status = vitrine.getAsAdmin("/api/admin/search");
        assertEquals(200, status.statusCode(), status.body());
        return VitrineInstance.JSON.readTree(status.body());
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> answer = vitrine.get("/api/documents?size=24&q=" + query);
        assertEquals(200, answer.statusCode(), answer.body());
        return VitrineInstance.JSON.readTree(answer.body());
    }

    private static List<Long> ids(String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        search(query).path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    private static long designerOf(long document) throws Exception {
        return Rows.count(vitrine, "SELECT designer_id FROM document_designers WHERE document_id = ?", document);
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Check<T> check) {
        try {
            return check.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long document(String name, String description, Long importedBy) throws Exception {
        return insert("INSERT INTO documents (provider, external_id, name, description, licence, imported_by, status, "
                        + "created_at, updated_at) VALUES ('onshape', ?, ?, ?, 'CC-BY-4.0', ?, 'public', ?, ?)",
                UUID.randomUUID().toString().replace("-", "").substring(0, 24), name, description, importedBy, now(), now());
    }

    private static void tag(long document, String tag) throws Exception {
        insert("INSERT INTO document_tags (document_id, tag) VALUES (?, ?)", document, tag);
    }

    private static void element(long document, String name) throws Exception {
        insert("INSERT INTO document_elements (document_id, external_id, name, element_type, position) "
                + "VALUES (?, ?, ?, 'PARTSTUDIO', 0)", document, UUID.randomUUID().toString().substring(0, 24), name);
    }

    /** Many documents sharing a word, in one statement. */
    private static void widgets() throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO documents (provider, external_id, name, licence, status, created_at, updated_at) VALUES ");
        for (int i = 0; i < WIDGETS; i++) {
            sql.append(i == 0 ? "" : ",").append("('onshape', 'widget").append(i).append("', 'Widget ").append(i)
                    .append("', 'MIT', 'public', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");
        }
        try (Connection db = vitrine.database(); Statement insert = db.createStatement()) {
            insert.executeUpdate(sql.toString());
        }
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static long insert(String sql, Object... parameters) throws Exception {
        return CatalogSeed.insert(vitrine, sql, parameters);
    }
}
