package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One person's browser on one Vitrine instance, behaving as the web client does: it keeps the session cookie
 * the server sets (and drops it when told to), remembers the CSRF token from the last sign-in or
 * {@code GET /api/me}, and echoes it in {@code X-CSRF-Token} on every request it makes with the cookie.
 * Bodies are JSON: a {@link Map} is serialised, a {@link String} is sent as it is (to send broken JSON).
 */
final class Browser {

    static final String SESSION_COOKIE = "vitrine_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final VitrineInstance vitrine;
    private final String userAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String session;
    private String csrfToken;
    /** Other cookies this browser keeps (by name), only those it was asked to keep with {@link #keepCookie}. */
    private final Map<String, String> kept = new LinkedHashMap<>();

    Browser(VitrineInstance vitrine) {
        this(vitrine, "Vitrine integration suite");
    }

    Browser(VitrineInstance vitrine, String userAgent) {
        this.vitrine = vitrine;
        this.userAgent = userAgent;
    }

    /** An address nobody has used yet in this run (each test class has its own instance), e.g. {@code ada-7@example.org}. */
    static String newEmail(String who) {
        return who + "-" + PEOPLE.incrementAndGet() + "@example.org";
    }

    /** A browser in which a new person has just registered and then signed in. */
    static Browser registered(VitrineInstance vitrine, String email, String password) throws Exception {
        Browser browser = new Browser(vitrine);
        Reply reply = browser.registerAndSignIn(email, password, "Person " + email.substring(0, email.indexOf('@')));
        assertEquals(200, reply.status(), reply.toString());
        return browser;
    }

    /**
     * Registers (which answers 202 "check your mail" and starts no session, whether or not the address is new) and then
     * signs in, as a person does from the register page; returns the sign-in's answer.
     */
    Reply registerAndSignIn(String email, String password, String displayName) throws Exception {
        Reply registered = register(email, password, displayName);
        assertEquals(202, registered.status(), registered.toString());
        return signIn(email, password);
    }

    /** A browser signed in with e-mail and password (an account without two-factor authentication). */
    static Browser signedIn(VitrineInstance vitrine, String email, String password, String userAgent) throws Exception {
        Browser browser = new Browser(vitrine, userAgent);
        Reply reply = browser.signIn(email, password);
        assertEquals(200, reply.status(), reply.toString());
        return browser;
    }

    Reply register(String email, String password, String displayName) throws Exception {
        return post("/api/auth/password/register", body("email", email, "password", password, "displayName", displayName));
    }

    Reply signIn(String email, String password) throws Exception {
        return post("/api/auth/password/login", body("email", email, "password", password));
    }

    Reply me() throws Exception {
        return get("/api/me");
    }

    Reply signOut() throws Exception {
        return post("/api/auth/logout", null);
    }

    Reply get(String path) throws Exception {
        return send("GET", path, null, true, Map.of());
    }

    Reply post(String path, Object body) throws Exception {
        return send("POST", path, body, true, Map.of());
    }

    Reply put(String path, Object body) throws Exception {
        return send("PUT", path, body, true, Map.of());
    }

    Reply delete(String path, Object body) throws Exception {
        return send("DELETE", path, body, true, Map.of());
    }

    /** A request with extra headers, e.g. a privacy signal such as {@code Sec-GPC: 1}. */
    Reply send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        return send(method, path, body, true, headers);
    }

    /** Keeps the cookie of that name from now on (as a browser would), and sends it with every request. */
    Browser keepCookie(String name) {
        kept.putIfAbsent(name, null);
        return this;
    }

    /** The value of a kept cookie, or null when the server has not set it. */
    String cookie(String name) {
        return kept.get(name);
    }

    /** The kept cookies that have a value, as a {@code Cookie} header holds them, for requests made outside this browser. */
    String keptCookies() {
        List<String> pairs = new java.util.ArrayList<>();
        kept.forEach((name, value) -> {
            if (value != null) {
                pairs.add(name + "=" + value);
            }
        });
        return String.join("; ", pairs);
    }

    /** Takes the kept cookies an answer sets, e.g. one received outside this browser (a redirect flow). */
    void rememberKeptCookies(HttpHeaders headers) {
        for (String name : kept.keySet()) {
            headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                    .ifPresent(c -> kept.put(name, c.split(";", 2)[0].substring(name.length() + 1)));
        }
    }

    /** Forgets a kept cookie's value, as clearing the browser's cookies would. */
    void clearCookie(String name) {
        kept.put(name, null);
    }

    /** A request with the session cookie but without the CSRF token, as a forged cross-site form would send. */
    Reply withoutCsrfToken(String method, String path, Object body) throws Exception {
        return send(method, path, body, false, Map.of());
    }

    /** A request with cookie and token whose {@code Origin} header names another site. */
    Reply fromOrigin(String origin, String method, String path, Object body) throws Exception {
        return send(method, path, body, true, Map.of("Origin", origin));
    }

    /** The session id the browser holds, or null when signed out. */
    String sessionCookie() {
        return session;
    }

    /** Replaces the cookie the browser holds, e.g. with one copied from elsewhere. */
    void useSessionCookie(String id) {
        session = id;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Replaces the CSRF token the browser echoes, e.g. with another session's. */
    void useCsrfToken(String token) {
        csrfToken = token;
    }

    /** A JSON object from alternating names and values, keeping the order; null values are left out. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private Reply send(String method, String path, Object body, boolean withCsrfToken, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path)).timeout(Duration.ofSeconds(90))
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String raw ? raw : VitrineInstance.JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        List<String> cookies = new java.util.ArrayList<>();
        kept.forEach((name, value) -> {
            if (value != null) {
                cookies.add(name + "=" + value);
            }
        });
        if (session != null) {
            cookies.add(SESSION_COOKIE + "=" + session);
            if (withCsrfToken && csrfToken != null) {
                request.header(CSRF_HEADER, csrfToken);
            }
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Reply reply = new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
        remember(reply);
        return reply;
    }

    /** As a browser and the web client would: take the cookie the server sets and the token it hands out. */
    private void remember(Reply reply) {
        rememberKeptCookies(reply.headers());
        reply.sessionCookie().ifPresent(cookie -> {
            String value = cookie.split(";", 2)[0].substring(SESSION_COOKIE.length() + 1);
            boolean cleared = value.isEmpty() || cookie.toLowerCase().contains("max-age=0");
            session = cleared ? null : value;
            if (cleared) {
                csrfToken = null;
            }
        });
        if (reply.status() / 100 == 2 && reply.isJson()) {
            JsonNode token = reply.json().path("csrfToken");
            if (token.isTextual()) {
                csrfToken = token.asText();
            }
        }
    }

    /** An answer: status, headers and body, with the problem fields at hand. */
    record Reply(String request, int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return VitrineInstance.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(new IOException("not JSON: " + this, e));
            }
        }

        boolean isJson() {
            String type = contentType();
            return type.startsWith("application/json") || type.startsWith("application/problem+json");
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The {@code detail} of a problem answer. */
        String detail() {
            return json().path("detail").asText();
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The {@code Set-Cookie} header for the session cookie, if the answer has one. */
        Optional<String> sessionCookie() {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst();
        }

        /** The attributes of the session cookie the answer sets, e.g. {@code Path=/}, {@code HttpOnly}. */
        List<String> sessionCookieAttributes() {
            return sessionCookie().map(c -> Arrays.stream(c.split(";")).skip(1).map(String::trim).toList()).orElse(List.of());
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
