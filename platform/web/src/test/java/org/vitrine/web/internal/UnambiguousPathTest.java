package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UnambiguousPathTest {

    @Test
    void plain_api_addresses_pass() {
        for (String path : List.of("/api/admin/users", "/api/documents/12/previews/small", "/api/me/", "/api/health",
                "/api/designers/ada%20lovelace", "/api/documents/a.b")) {
            assertEquals(Optional.empty(), UnambiguousPath.refusal(path), path);
        }
    }

    @Test
    void path_parameters_are_refused_plain_or_encoded() {
        for (String path : List.of("/api/admin;/users", "/api/admin;x=1/users/3/roles", "/api/admin%3B/users",
                "/api/admin%3b/users", "/api/me;jsessionid=1")) {
            assertRefused(path, "path parameters");
        }
    }

    @Test
    void encoded_slashes_and_backslashes_are_refused() {
        for (String path : List.of("/api/admin%2Fusers", "/api/admin%2fusers", "/api/admin%5Cusers", "/api/admin\\users")) {
            assertRefused(path, "encoded slashes");
        }
    }

    @Test
    void dot_segments_are_refused_plain_or_encoded() {
        for (String path : List.of("/api/./admin/users", "/api/me/../admin/users", "/api/%2e%2e/admin", "/api/%2E/admin",
                "/api/me/..", "/api/me/.%2e/")) {
            assertRefused(path, "dot segments");
        }
    }

    @Test
    void empty_segments_are_refused() {
        for (String path : List.of("/api//admin/users", "/api/admin//users", "/api/admin/users//")) {
            assertRefused(path, "empty segments");
        }
    }

    private static void assertRefused(String path, String because) {
        Optional<String> refusal = UnambiguousPath.refusal(path);
        assertTrue(refusal.isPresent() && refusal.get().contains(because.split(" ")[0]), path + ": " + refusal);
    }
}
