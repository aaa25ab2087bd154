package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The answers Jetty writes itself, and the client address behind a reverse proxy. The instance trusts
 * {@code 127.0.0.1} as its proxy ({@code trusted.proxies}); requests from {@code 127.0.0.2} come from a peer it does
 * not trust. Sign-in budget: {@code rate.login.ip = 3/1m}.
 * <ul>
 * <li>URIs Jetty refuses while parsing, a bad {@code Host}, a too-long URI: the same security headers as any answer,
 * a problem in UTF-8, nothing in ISO-8859-1;</li>
 * <li>{@code TRACE} and {@code TRACK}: 405 on every path, nothing echoed;</li>
 * <li>{@code X-Forwarded-For}/{@code X-Forwarded-Proto} from the trusted proxy: each visitor its own budget, audit
 * and consent records hold the visitor, an address the visitor wrote itself does not count, https counts;</li>
 * <li>the same headers from anyone else: ignored.</li>
 * </ul>
 */
@Timeout(300)
class ContainerHardeningTest {

    private static final String PASSWORD = "lantern harbour 42 and kelp";
    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Content-Security-Policy");
    private static VitrineInstance vitrine;
    private static RawHttp viaProxy;
    private static RawHttp stranger;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("container-hardening")
                .setting("vitrine.properties", "trusted.proxies", "127.0.0.1")
                .setting("platform.properties", "rate.login.ip", "3/1m")
                .start();
        viaProxy = new RawHttp(vitrine, "127.0.0.1");
        stranger = new RawHttp(vitrine, "127.0.0.2");
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void uris_jetty_refuses_while_parsing_get_the_security_headers_and_a_problem_in_utf8() throws Exception {
        HttpResponse<String> ordinary = vitrine.get("/api/health");
        List<Browser.Reply> refused = new ArrayList<>();
        for (String target : List.of("//", "/api//health", "/api/%2e%2e/admin/users", "/api/%ff", "/%ff")) {
            refused.add(viaProxy.send("GET", target, "Accept: text/html"));
        }
        refused.add(viaProxy.send("GET", "/api/health", "Host: bad host"));
        for (Browser.Reply reply : refused) {
            assertProblem(reply, 400, "");
        }
        Browser.Reply tooLong = viaProxy.send("GET", "/api/" + "a".repeat(20_000));
        assertProblem(tooLong, 414, "");
        refused.add(tooLong);
        for (Browser.Reply reply : refused) {
            for (String header : SECURITY_HEADERS) {
                assertEquals(ordinary.headers().firstValue(header).orElseThrow(), reply.header(header).orElse("(none)"),
                        header + " of " + reply);
            }
            assertFalse(reply.headers().map().toString().toLowerCase(Locale.ROOT).contains("8859")
                    || reply.body().toLowerCase(Locale.ROOT).contains("8859"), "nothing declares ISO-8859-1: " + reply);
            assertFalse(reply.body().contains("<"), "a problem, not Jetty's HTML page: " + reply);
        }
    }

    @Test
    void trace_and_track_are_refused_with_405_on_every_path_and_echo_nothing() throws Exception {
        for (String method : List.of("TRACE", "TRACK")) {
            for (String path : List.of("/", "/api/health", "/api/admin/users", "/assets/none.js", "/nowhere")) {
                Browser.Reply reply = viaProxy.send(method, path, "Cookie: vitrine_session=secret-cookie-value",
                        "Accept: application/json");
                assertProblem(reply, 405, method);
                assertTrue(reply.header("Allow").orElse("").contains("GET"), "405 names what is allowed: " + reply);
                assertFalse(reply.header("Allow").orElse("").contains(method), reply.toString());
                assertFalse(reply.body().contains("secret-cookie-value"), "the request is not echoed: " + reply);
                assertEquals("DENY", reply.header("X-Frame-Options").orElse(""), reply.toString());
            }
        }
        Browser.Reply page = viaProxy.send("TRACE", "/", "Accept: text/html");
        assertEquals(405, page.status(), page.toString());
        assertEquals("text/html;charset=utf-8", page.contentType().replace(" ", "").toLowerCase(Locale.ROOT), page.toString());
        assertTrue(page.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), page.toString());
    }

    @Test
    void behind_the_trusted_proxy_each_visitor_has_its_own_sign_in_budget_and_audit_entries() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(signIn(viaProxy, "X-Forwarded-For: 203.0.113.10"), 401, "");
        }
        assertProblem(signIn(viaProxy, "X-Forwarded-For: 203.0.113.10"), 429, "");
        assertProblem(signIn(viaProxy, "X-Forwarded-For: 203.0.113.11"), 401, "");
        // the visitor writes an address of its own choosing; the proxy appends the one it saw
        assertProblem(signIn(viaProxy, "X-Forwarded-For: 198.51.100.99, 203.0.113.10"), 429, "");
        assertProblem(signIn(viaProxy, "X-Forwarded-For: 198.51.100.98", "X-Forwarded-For: 203.0.113.10"), 429, "");

        List<String> addresses = AuditTrail.of(vitrine, "auth.signin").stream().map(AuditTrail.Event::ip).toList();
        assertEquals(3, addresses.stream().filter("203.0.113.10"::equals).count(), addresses.toString());
        assertTrue(addresses.contains("203.0.113.11"), addresses.toString());
        assertFalse(addresses.contains("198.51.100.99") || addresses.contains("198.51.100.98"), addresses.toString());
        assertFalse(addresses.contains("127.0.0.1"), "the proxy is not the visitor: " + addresses);
    }

    @Test
    void forwarding_headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(signIn(stranger, "X-Forwarded-For: 192.0.2." + attempt, "Forwarded: for=192.0.2." + attempt), 401, "");
        }
        assertProblem(signIn(stranger, "X-Forwarded-For: 192.0.2.4", "Forwarded: for=192.0.2.4"), 429, "");
        List<String> addresses = AuditTrail.of(vitrine, "auth.signin").stream().map(AuditTrail.Event::ip).toList();
        assertEquals(3, addresses.stream().filter("127.0.0.2"::equals).count(), addresses.toString());
        assertTrue(addresses.stream().noneMatch(a -> a.startsWith("192.0.2.")), addresses.toString());
    }

    @Test
    void a_consent_decision_through_the_proxy_records_the_visitor_address() throws Exception {
        Browser.Reply reply = viaProxy.send("PUT", "/api/consent", List.of("Content-Type: application/json",
                "Accept: application/json", "X-Forwarded-For: 203.0.113.20"), VitrineInstance.JSON.writeValueAsString(
                Map.of("purposes", Map.of("necessary", true, "analytics", false, "social", false, "marketing", false),
                        "source", "banner", "uiTextVersion", "banner-3")));
        assertEquals(200, reply.status(), reply.toString());
        String visitor = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vitrine_consent="))
                .map(c -> c.substring("vitrine_consent=".length()).split(";", 2)[0]).findFirst().orElseThrow();
        List<String> addresses = new ArrayList<>();
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT ip FROM consent_records WHERE visitor_id = ?")) {
            select.setString(1, visitor);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    addresses.add(rs.getString(1));
                }
            }
        }
        assertFalse(addresses.isEmpty());
        assertTrue(addresses.stream().allMatch("203.0.113.20"::equals), addresses.toString());
    }

    @Test
    void a_forwarded_https_scheme_counts_from_the_trusted_proxy_only() throws Exception {
        // the request's own origin is https://127.0.0.1:<port> only if the proxy's word on the scheme is taken
        String origin = "Origin: https://127.0.0.1:" + vitrine.port;
        Browser.Reply proxied = signIn(viaProxy, "X-Forwarded-For: 203.0.113.30", "X-Forwarded-Proto: https", origin);
        assertProblem(proxied, 401, "");
        Browser.Reply direct = signIn(stranger, "X-Forwarded-For: 203.0.113.31", "X-Forwarded-Proto: https", origin);
        assertProblem(direct, 403, "Cross-site request refused");
        assertNotEquals(proxied.status(), direct.status());
    }

    private static Browser.Reply signIn(RawHttp from, String... headers) throws Exception {
        List<String> lines = new ArrayList<>(List.of("Content-Type: application/json", "Accept: application/json"));
        lines.addAll(List.of(headers));
        return from.send("POST", "/api/auth/password/login", lines, VitrineInstance.JSON.writeValueAsString(
                Map.of("email", Browser.newEmail("forwarded"), "password", PASSWORD)));
    }
}
