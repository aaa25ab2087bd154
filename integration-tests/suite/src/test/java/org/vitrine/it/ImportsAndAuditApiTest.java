package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/** A person's recent import jobs ({@code GET /api/imports}) and the admin's audit log ({@code GET /api/admin/audit}). */
@Timeout(300)
class ImportsAndAuditApiTest {

    private static final String PASSWORD = "saffron bicycle 62 up hill";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("imports-audit-api").generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_person_sees_their_twenty_most_recent_import_jobs_newest_first() throws Exception {
        Browser ada = Browser.registered(vitrine, Browser.newEmail("jobs-ada"), PASSWORD);
        Browser bob = Browser.registered(vitrine, Browser.newEmail("jobs-bob"), PASSWORD);
        long adaId = ada.me().json().path("id").asLong();
        long bobId = bob.me().json().path("id").asLong();
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
        List<Long> adaJobs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            adaJobs.add(CatalogSeed.importJob(vitrine, adaId, i % 2 == 0 ? "completed" : "paused", start.plusMinutes(i)));
        }
        long bobJob = CatalogSeed.importJob(vitrine, bobId, "queued", start);

        Browser.Reply mine = ada.get("/api/imports");
        assertEquals(200, mine.status(), mine.toString());
        List<Long> listed = new ArrayList<>();
        mine.json().path("items").forEach(j -> listed.add(j.path("id").asLong()));
        List<Long> expected = new ArrayList<>(adaJobs.subList(5, 25));
        java.util.Collections.reverse(expected);
        assertEquals(expected, listed);

        JsonNode first = mine.json().path("items").get(0);
        assertEquals(ada.get("/api/imports/" + first.path("id").asLong()).json(), first, "the same JSON as GET /api/imports/{id}");
        assertEquals("completed", first.path("state").asText());
        assertEquals(1, first.path("total").asInt());
        assertEquals(1, first.path("items").size());

        List<Long> bobs = new ArrayList<>();
        bob.get("/api/imports").json().path("items").forEach(j -> bobs.add(j.path("id").asLong()));
        assertEquals(List.of(bobJob), bobs, "nobody sees another person's jobs");
        assertProblem(new Browser(vitrine).get("/api/imports"), 401, "sign in");
    }

    @Test
    void admins_page_through_the_audit_log_newest_first_and_filter_by_action() throws Exception {
        for (int i = 0; i < 4; i++) {
            Browser.registered(vitrine, Browser.newEmail("audited"), PASSWORD);
        }
        JsonNode first = admin("/api/admin/audit?limit=3");
        assertEquals(3, first.path("items").size(), first.toString());
        List<Long> ids = idsOf(first);
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), "newest first: " + ids);
        assertEquals(ids.get(2), first.path("next").asLong(), first.toString());
        JsonNode item = first.path("items").get(0);
        for (String field : List.of("id", "occurredAt", "action", "outcome")) {
            assertTrue(item.has(field), field + " in " + item);
        }

        JsonNode second = admin("/api/admin/audit?limit=3&before=" + first.path("next").asLong());
        assertTrue(idsOf(second).stream().allMatch(id -> id < ids.get(2)), "the following page: " + second);

        JsonNode registrations = admin("/api/admin/audit?action=account.register&limit=200");
        assertTrue(registrations.path("items").size() >= 4, registrations.toString());
        registrations.path("items").forEach(e -> assertEquals("account.register", e.path("action").asText()));
        assertTrue(registrations.path("items").get(0).path("ip").asText().equals("127.0.0.1"), registrations.toString());

        JsonNode all = admin("/api/admin/audit?limit=200");
        assertTrue(all.path("items").size() < 200 && !all.has("next"), "no next page after the last: " + all.path("next"));
        assertEquals(0, admin("/api/admin/audit?action=no.such.action").path("items").size());
    }

    @Test
    void the_audit_log_is_for_admins_only_and_bad_parameters_are_named() throws Exception {
        assertProblem(new Browser(vitrine).get("/api/admin/audit"), 401, "admin");
        assertProblem(Browser.registered(vitrine, Browser.newEmail("not-admin"), PASSWORD).get("/api/admin/audit"), 403, "admin");
        for (String bad : List.of("limit=0", "limit=201", "limit=x", "before=0", "before=abc", "action=%3Cscript%3E")) {
            HttpResponse<String> refused = vitrine.getAsAdmin("/api/admin/audit?" + bad);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains("'" + bad.substring(0, bad.indexOf('=')) + "'"), refused.body());
        }
    }

    private static JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = vitrine.getAsAdmin(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return VitrineInstance.JSON.readTree(response.body());
    }

    private static List<Long> idsOf(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(e -> ids.add(e.path("id").asLong()));
        return ids;
    }
}
