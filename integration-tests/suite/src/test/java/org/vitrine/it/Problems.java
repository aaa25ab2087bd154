package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Errors are problem answers: {@code application/problem+json} with type, title, status and a detail. */
final class Problems {

    private Problems() {
    }

    /**
     * The answer is a problem with this status whose detail mentions the words (in any letter case), and it tells
     * caches not to keep it (a taken-down document may be restored a minute later).
     */
    static void assertProblem(Browser.Reply reply, int status, String detailMentions) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), "content type of " + reply + ": " + reply.contentType());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""), "Cache-Control of " + reply);
        JsonNode problem = reply.json();
        assertTrue(problem.path("type").isTextual() && problem.path("title").isTextual(), reply.toString());
        assertEquals(status, problem.path("status").asInt(), reply.toString());
        assertTrue(problem.path("detail").asText().toLowerCase(Locale.ROOT).contains(detailMentions.toLowerCase(Locale.ROOT)),
                "the detail should mention '" + detailMentions + "': " + reply);
    }
}
