package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The OpenAPI description Vitrine serves at {@code /api/openapi.json} is true: real requests and the answers
 * Vitrine gives them (successes and problem answers) are checked against it. Objects in the description are
 * closed ({@code additionalProperties: false}), so a field added to an answer without its description fails
 * here; undeclared query parameters fail too.
 */
@Timeout(300)
class OpenApiResponsesTest {

    private static final String PASSWORD = "copper lantern 58 on the quay";
    private static VitrineInstance vitrine;
    private static Mailbox mail;
    private static OpenApiInteractionValidator contract;
    private static Browser importer;
    private static long importerId;
    private static String unverifiedToken;
    private static long document;
    private static long designer;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = mail.configure(VitrineInstance.fresh("openapi-responses").generousSignInLimits()).start();
        HttpResponse<String> description = vitrine.get("/api/openapi.json");
        assertEquals(200, description.statusCode());
        contract = OpenApiInteractionValidator.createForInlineApiSpecification(description.body())
                .withLevelResolver(LevelResolver.create().withLoader(null).withDefaultLevel(ValidationReport.Level.ERROR)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR).build())
                .withStrictOperationPathMatching()
                .build();
        importer = new Browser(vitrine);
        String importerEmail = Browser.newEmail("described");
        Browser.Reply registered = importer.registerAndSignIn(importerEmail, PASSWORD, "Described Person");
        assertEquals(200, registered.status(), registered.toString());
        unverifiedToken = EmailLinks.token(mail.awaitCount(importerEmail, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE);
        importerId = registered.json().path("id").asLong();
        designer = CatalogSeed.designer(vitrine, "Described Designer");
        document = CatalogSeed.document(vitrine, "Described gearbox", importerId, "CC-BY-4.0", true);
        CatalogSeed.details(vitrine, document);
        CatalogSeed.credit(vitrine, document, designer, "owner");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine, mail);
    }

    @Test
    void public_catalog_answers_match_the_description() throws Exception {
        Browser anonymous = new Browser(vitrine);
        check(anonymous, "GET", "/api/documents", null, 200);
        check(anonymous, "GET", "/api/documents?q=gearbox&designer=" + designer + "&sort=name&page=0&size=10", null, 200);
        check(anonymous, "GET", "/api/documents?designer=abc", null, 400);
        check(anonymous, "GET", "/api/documents/" + document, null, 200);
        check(importer, "GET", "/api/documents/" + document, null, 200);
        check(anonymous, "GET", "/api/documents/999999", null, 404);
        long withdrawn = CatalogSeed.document(vitrine, "Withdrawn", importerId, "MIT", false);
        check(anonymous, "GET", "/api/documents/" + withdrawn, null, 410);
        check(anonymous, "GET", "/api/documents/" + document + "/previews/300x170", null, 404);
        check(anonymous, "GET", "/api/previews/" + "ab".repeat(32) + "/0123456789abcdef0123", null, 404);
        check(anonymous, "GET", "/api/designers", null, 200);
        check(anonymous, "GET", "/api/designers?q=described&page=0&size=5", null, 200);
        check(anonymous, "GET", "/api/designers?size=0", null, 400);
        check(anonymous, "GET", "/api/designers/" + designer, null, 200);
        check(anonymous, "GET", "/api/designers/999999", null, 404);
        check(anonymous, "GET", "/api/licences", null, 200);
        check(anonymous, "GET", "/api/licences?inUse=true", null, 200);
        check(anonymous, "GET", "/api/licences?inUse=maybe", null, 400);
        assertNoViolations();
    }

    @Test
    void account_import_and_licence_answers_match_the_description() throws Exception {
        Browser anonymous = new Browser(vitrine);
        check(importer, "GET", "/api/me", null, 200);
        check(anonymous, "GET", "/api/me", null, 401);
        check(importer, "GET", "/api/me/sessions", null, 200);
        check(anonymous, "GET", "/api/auth/methods", null, 200);
        check(anonymous, "GET", "/api/providers", null, 200);
        check(anonymous, "POST", "/api/auth/password/login", body("email", "nobody@example.org", "password", "not the one at all"), 401);
        check(anonymous, "POST", "/api/auth/password/register", body("email", Browser.newEmail("described-new"), "password", PASSWORD,
                "displayName", "Described Newcomer"), 202);
        check(anonymous, "POST", "/api/auth/password/register", body("email", importer.me().json().path("email").asText(),
                "password", PASSWORD, "displayName", "Described Again"), 202);

        long job = CatalogSeed.importJob(vitrine, importerId, "completed", LocalDateTime.now(ZoneOffset.UTC));
        check(importer, "GET", "/api/imports", null, 200);
        check(importer, "GET", "/api/imports/" + job, null, 200);
        check(anonymous, "GET", "/api/imports", null, 401);
        check(importer, "POST", "/api/imports", body("url", "https://cad.onshape.com/documents/0123456789abcdef01234567"), 400);
        check(anonymous, "GET", "/api/terms", null, 200);

        check(importer, "PUT", "/api/me/settings", body("newDeviceNotice", false), 200);
        check(importer, "PUT", "/api/me/settings", body("newDeviceNotice", true), 200);
        check(importer, "PUT", "/api/me/settings", body(), 400);
        check(anonymous, "PUT", "/api/me/settings", body("newDeviceNotice", false), 401);

        check(importer, "PUT", "/api/documents/" + document + "/licence", body("licence", "CERN-OHL-P-2.0"), 403);
        check(anonymous, "POST", "/api/auth/email/verify", body("token", unverifiedToken), 200);
        check(anonymous, "POST", "/api/auth/email/verify", body("token", unverifiedToken), 410);
        check(anonymous, "POST", "/api/auth/email/verify", body("token", "not-a-token"), 400);
        check(importer, "POST", "/api/me/email/verification", null, 409);
        check(importer, "PUT", "/api/documents/" + document + "/licence", body("licence", "CERN-OHL-P-2.0"), 200);
        check(importer, "PUT", "/api/documents/" + document + "/licence", body("licence", "Not-A-Licence"), 400);
        check(anonymous, "PUT", "/api/documents/" + document + "/licence", body("licence", "MIT"), 401);
        assertNoViolations();
    }

    @Test
    void email_and_password_reset_answers_match_the_description() throws Exception {
        Browser anonymous = new Browser(vitrine);
        String email = Browser.newEmail("described-mover");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        check(person, "POST", "/api/me/email/verification", null, 202);
        check(anonymous, "POST", "/api/me/email/verification", null, 401);
        check(person, "PUT", "/api/me/email", body("email", Browser.newEmail("described-moved"), "password", PASSWORD), 202);
        check(person, "PUT", "/api/me/email", body("email", "no address"), 400);
        check(person, "PUT", "/api/me/email", body("email", Browser.newEmail("described-x"), "password", "wrong password here"), 403);
        check(anonymous, "PUT", "/api/me/email", body("email", Browser.newEmail("described-y")), 401);
        check(anonymous, "POST", "/api/auth/password/reset-request", body("email", email), 202);
        check(anonymous, "POST", "/api/auth/password/reset-request", body("email", "no address"), 400);
        String token = EmailLinks.token(mail.awaitCount(email, Mailbox.RESET, 1), EmailLinks.RESET_PAGE);
        check(anonymous, "POST", "/api/auth/password/reset", body("token", token, "password", "short"), 400);
        check(anonymous, "POST", "/api/auth/password/reset", body("token", token, "password", "a brand new 77 passphrase"), 200);
        check(anonymous, "POST", "/api/auth/password/reset", body("token", token, "password", "a brand new 77 passphrase"), 410);
        assertNoViolations();
    }

    @Test
    void consent_and_privacy_answers_match_the_description() throws Exception {
        Browser visitor = new Browser(vitrine);
        check(visitor, "GET", "/api/consent", null, 200);
        check(visitor, "PUT", "/api/consent", body("purposes", Map.of("analytics", true, "marketing", false), "source", "banner",
                "uiTextVersion", "banner-1"), 200);
        check(visitor, "PUT", "/api/consent", body("purposes", Map.of("tracking", true)), 400);
        check(importer, "GET", "/api/consent", null, 200);
        check(importer, "PUT", "/api/consent", body("purposes", Map.of("social", true), "source", "settings"), 200);
        check(importer, "GET", "/api/consent", null, 200);
        check(visitor, "GET", "/api/privacy", null, 200);
        assertNoViolations();
    }

    @Test
    void export_and_account_deletion_answers_match_the_description() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("leaving"), PASSWORD);
        Browser anonymous = new Browser(vitrine);
        check(person, "POST", "/api/me/export", null, 202);
        long id = person.get("/api/me/exports").json().path("items").get(0).path("id").asLong();
        VitrineInstance.await("the export is ready", java.time.Duration.ofSeconds(60), () -> {
            try {
                return "ready".equals(person.get("/api/me/exports/" + id).json().path("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        check(person, "GET", "/api/me/exports", null, 200);
        check(person, "GET", "/api/me/exports/" + id, null, 200);
        check(importer, "GET", "/api/me/exports/" + id, null, 404);
        check(importer, "GET", "/api/me/exports/" + id + "/download", null, 404);
        check(anonymous, "GET", "/api/me/exports", null, 401);
        check(person, "POST", "/api/me/export", null, 429);
        check(person, "DELETE", "/api/me", body("password", "not the password at all"), 403);
        check(person, "DELETE", "/api/me", body(), 400);
        check(person, "DELETE", "/api/me", body("password", PASSWORD), 204);
        assertNoViolations();
    }

    @Test
    void platform_and_admin_answers_match_the_description() throws Exception {
        check(new Browser(vitrine), "GET", "/api/health", null, 200);
        checkAsAdmin("/api/admin/modules", 200);
        checkAsAdmin("/api/admin/modules/store-mariadb", 200);
        checkAsAdmin("/api/admin/modules/no-such-module", 404);
        checkAsAdmin("/api/admin/audit?limit=5", 200);
        checkAsAdmin("/api/admin/audit?action=account.register&limit=1", 200);
        checkAsAdmin("/api/admin/audit?limit=0", 400);
        check(new Browser(vitrine), "GET", "/api/admin/audit", null, 401);
        CatalogSeed.importJob(vitrine, importerId, "completed", LocalDateTime.now(ZoneOffset.UTC));
        checkAsAdmin("/api/admin/imports?limit=5", 200);
        checkAsAdmin("/api/admin/imports?before=1000000&limit=1", 200);
        checkAsAdmin("/api/admin/imports?limit=0", 400);
        check(new Browser(vitrine), "GET", "/api/admin/imports", null, 401);
        check(importer, "GET", "/api/admin/imports", null, 403);
        assertNoViolations();
    }

    @Test
    void takedown_moderation_contact_and_retention_answers_match_the_description() throws Exception {
        Browser anonymous = new Browser(vitrine);
        Browser admin = Staff.signedIn(vitrine, "described-admin", PASSWORD, "admin");
        Browser moderator = Staff.signedIn(vitrine, "described-moderator", PASSWORD, "moderator");
        long reported = CatalogSeed.document(vitrine, "Reported part", importerId, "MIT", true);
        check(anonymous, "POST", "/api/documents/" + reported + "/reports", body("reason", "spam", "message", "Ads only",
                "email", "reporter@example.org"), 201);
        check(importer, "POST", "/api/documents/" + reported + "/reports", body("reason", "nonsense"), 400);
        check(moderator, "GET", "/api/moderation/reports?state=open&limit=10", null, 200);
        check(importer, "GET", "/api/moderation/reports", null, 403);
        long report = moderator.get("/api/moderation/reports").json().path("items").get(0).path("id").asLong();
        check(moderator, "POST", "/api/moderation/reports/" + report + "/close", body("note", "Looked fine."), 200);
        check(moderator, "POST", "/api/moderation/reports/" + report + "/close", body("note", "Again."), 409);
        check(moderator, "GET", "/api/moderation/reports?state=closed", null, 200);
        check(moderator, "POST", "/api/moderation/documents/" + reported + "/disable", body("reason", "spam", "note", "ads"), 200);
        check(anonymous, "GET", "/api/documents/" + reported, null, 410);
        check(anonymous, "POST", "/api/documents/" + reported + "/reports", body("reason", "spam"), 410);
        check(moderator, "POST", "/api/moderation/documents/" + reported + "/restore", body("note", "Cleaned up."), 200);

        long removed = CatalogSeed.document(vitrine, "Removed part", importerId, "MIT", true);
        check(importer, "POST", "/api/documents/" + removed + "/deletion", body("reason", "Published by mistake."), 200);
        check(anonymous, "POST", "/api/documents/" + removed + "/deletion", null, 401);
        check(moderator, "POST", "/api/moderation/documents/" + removed + "/restore", null, 403);
        check(admin, "POST", "/api/admin/documents/" + removed + "/restore", null, 200);
        check(admin, "POST", "/api/admin/documents/" + removed + "/restore", null, 409);

        check(anonymous, "POST", "/api/contact", body("name", "Described Sender", "email", "sender@example.org",
                "message", "Which data do you keep about me?", "type", "privacy-request"), 201);
        check(anonymous, "POST", "/api/contact", body("name", "No Address"), 400);
        check(admin, "GET", "/api/admin/contact-requests?type=privacy-request&limit=5", null, 200);
        check(admin, "POST", "/api/admin/retention/run", null, 200);
        check(importer, "POST", "/api/admin/retention/run", null, 403);
        // the suite runs without the search module: the database answers searches, there is no index to rebuild
        check(admin, "GET", "/api/admin/search", null, 200);
        check(admin, "POST", "/api/admin/search/reindex", null, 409);
        assertNoViolations();
    }

    @Test
    void mail_answers_match_the_description() throws Exception {
        Browser admin = Staff.signedIn(vitrine, "described-mail-admin", PASSWORD, "admin");
        check(admin, "POST", "/api/admin/newsletter", body("subject", "Described news", "body", "Hello."), 200);
        check(admin, "POST", "/api/admin/newsletter", body("subject", "Described news"), 400);
        check(importer, "POST", "/api/admin/newsletter", body("subject", "Described news", "body", "Hello."), 403);
        check(admin, "GET", "/api/admin/mail", null, 200);
        checkAsAdmin("/api/admin/mail", 200);
        check(admin, "POST", "/api/admin/mail/20260101T000000Z-000000000000/retry", null, 404);
        check(admin, "DELETE", "/api/admin/mail/20260101T000000Z-000000000000", null, 404);
        check(new Browser(vitrine), "GET", "/api/admin/mail", null, 401);
        assertNoViolations();
    }

    @Test
    void people_and_connected_provider_answers_match_the_description() throws Exception {
        Browser anonymous = new Browser(vitrine);
        Browser admin = Staff.signedIn(vitrine, "people-described-admin", PASSWORD, "admin");
        long adminId = admin.me().json().path("id").asLong();
        Browser person = new Browser(vitrine);
        assertEquals(200, person.registerAndSignIn(Browser.newEmail("people-described"), PASSWORD, "Described Member").status());
        long id = person.me().json().path("id").asLong();

        check(person, "GET", "/api/me/identities", null, 200);
        check(anonymous, "GET", "/api/me/identities", null, 401);
        check(person, "DELETE", "/api/me/identities/999999", null, 404);
        check(admin, "GET", "/api/admin/users", null, 200);
        check(admin, "GET", "/api/admin/users?q=described&page=0&size=5", null, 200);
        check(admin, "GET", "/api/admin/users?size=0", null, 400);
        check(person, "GET", "/api/admin/users", null, 403);
        check(admin, "GET", "/api/admin/users/" + id, null, 200);
        check(admin, "GET", "/api/admin/users/999999", null, 404);
        check(admin, "PUT", "/api/admin/users/" + id + "/roles", body("roles", List.of("user", "moderator")), 200);
        check(admin, "PUT", "/api/admin/users/" + id + "/roles", body("roles", List.of("root")), 400);
        check(admin, "PUT", "/api/admin/users/" + adminId + "/roles", body("roles", List.of("user")), 409);
        check(admin, "POST", "/api/admin/users/" + id + "/disable", null, 200);
        check(admin, "POST", "/api/admin/users/" + id + "/enable", null, 200);
        check(admin, "POST", "/api/admin/users/" + adminId + "/disable", null, 409);
        check(admin, "POST", "/api/admin/users/999999/enable", null, 404);
        assertNoViolations();
    }

    @Test
    void the_description_is_served_with_an_etag_and_revalidated() throws Exception {
        HttpResponse<String> first = vitrine.get("/api/openapi.json");
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), first.headers().toString());
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("no-cache"), first.headers().toString());
        assertEquals("3.0.3", VitrineInstance.JSON.readTree(first.body()).path("openapi").asText());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/openapi.json")).header("If-None-Match", etag).GET(), null);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void the_check_itself_catches_an_undescribed_field_a_wrong_type_and_an_unknown_parameter() throws Exception {
        String licences = vitrine.get("/api/licences").body();
        validate("GET", "/api/licences", Map.of(), null, 200, "application/json", licences.replaceFirst("\\{", "{\"extra\": 1, "));
        validate("GET", "/api/designers/" + designer, Map.of(), null, 200, "application/json",
                "{\"id\": \"seven\", \"provider\": \"onshape\", \"documentCount\": 1}");
        validate("GET", "/api/documents?colour=red", Map.of(), null, 200, "application/json", vitrine.get("/api/documents").body());
        validate("GET", "/api/me", Map.of(), null, 401, "application/problem+json", "{\"status\": 401}");
        assertEquals(4, violations.stream().map(v -> v.substring(0, v.indexOf(" -> "))).distinct().count(),
                "each wrong answer is caught: " + violations);
    }

    @Test
    void second_factor_answers_match_the_description() throws Exception {
        Browser owner = Browser.registered(vitrine, Browser.newEmail("openapi-second-factor"), PASSWORD);
        String email = owner.me().json().path("email").asText();
        SecondFactorSteps.Enrolled enrolled = SecondFactorSteps.enrol(owner);

        Browser waiting = new Browser(vitrine);
        check(waiting, "GET", "/api/auth/second-factor", null, 404);
        check(waiting, "POST", "/api/auth/password/login", body("email", email, "password", PASSWORD), 202);
        check(waiting, "GET", "/api/me", null, 401);
        check(waiting, "GET", "/api/auth/second-factor", null, 200);
        check(waiting, "POST", "/api/auth/second-factor", body("code", enrolled.app().wrongCode()), 401);
        check(waiting, "POST", "/api/auth/second-factor", body("recoveryCode", enrolled.recoveryCodes().get(0)), 200);
        check(waiting, "DELETE", "/api/auth/second-factor", null, 404);

        Browser givingUp = new Browser(vitrine);
        check(givingUp, "POST", "/api/auth/password/login", body("email", email, "password", PASSWORD), 202);
        check(givingUp, "DELETE", "/api/auth/second-factor", null, 204);
        check(owner, "DELETE", "/api/me/2fa", body("password", PASSWORD, "code", enrolled.app().nextCode()), 204);
        assertNoViolations();
    }

    /** Sends the request as the browser would and checks request and answer against the description. */
    private void check(Browser browser, String method, String path, Map<String, Object> json, int expectedStatus) throws Exception {
        // the credentials as sent: an answer may end the session
        Map<String, String> headers = new LinkedHashMap<>();
        if (browser.sessionCookie() != null) {
            headers.put("Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie());
            if (browser.csrfToken() != null) {
                headers.put(Browser.CSRF_HEADER, browser.csrfToken());
            }
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        Browser.Reply reply = switch (method) {
            case "GET" -> browser.get(path);
            case "PUT" -> browser.put(path, json);
            case "POST" -> browser.post(path, json);
            case "DELETE" -> browser.delete(path, json);
            default -> throw new IllegalArgumentException(method);
        };
        assertEquals(expectedStatus, reply.status(), reply.toString());
        validate(method, path, headers, json == null ? null : VitrineInstance.JSON.writeValueAsString(json), reply.status(),
                reply.contentType(), reply.body());
    }

    private void checkAsAdmin(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = vitrine.getAsAdmin(path);
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        validate("GET", path, Map.of("Authorization", "Bearer " + vitrine.token), null, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * Successful requests are checked too (parameters, body, credentials); refused ones only for their answer,
     * since they are wrong on purpose.
     */
    private void validate(String method, String pathAndQuery, Map<String, String> headers, String body, int status,
                          String contentType, String responseBody) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path, true);
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body.getBytes(StandardCharsets.UTF_8));
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (!contentType.isEmpty()) {
            // an answer without content (204) has no Content-Type to check
            response.withContentType(contentType);
        }
        if (!responseBody.isEmpty()) {
            response.withBody(responseBody.getBytes(StandardCharsets.UTF_8));
        }
        ValidationReport report = status < 400
                ? contract.validate(request.build(), response.build())
                : contract.validateResponse(path, Request.Method.valueOf(method), response.build());
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> violations.add(method + " " + pathAndQuery + " -> " + status + ": " + m.getKey() + " " + m.getMessage()));
    }

    private void assertNoViolations() {
        assertTrue(violations.isEmpty(), violations.size() + " violations of the description:\n"
                + violations.stream().collect(Collectors.joining("\n")));
    }
}
