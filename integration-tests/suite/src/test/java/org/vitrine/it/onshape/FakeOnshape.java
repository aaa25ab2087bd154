package org.vitrine.it.onshape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpServer;

/**
 * Onshape on 127.0.0.1, for tests: its OAuth2 server ({@code /oauth/authorize}, {@code /oauth/token}) and the
 * part of its REST API under {@code /api/v16} that Vitrine uses, with seeded documents, planned faults, and every
 * request and response checked against Onshape's OpenAPI description ({@link OpenApiContract}).
 * <p>
 * Violations of that contract fail the test that caused them. Either close the fake at the end of the test:
 * <pre>
 * try (FakeOnshape onshape = FakeOnshape.start()) {
 *     ...
 * }   // fails here, listing every violation
 * </pre>
 * or share one fake across a test class as an extension, which after each test fails it on violations and then
 * clears the planned faults and the recorded requests (documents, users and tokens stay):
 * <pre>
 * &#64;RegisterExtension
 * static final FakeOnshape onshape = FakeOnshape.start();
 * </pre>
 */
public final class FakeOnshape implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    static {
        // The JDK server writes the status line and headers, then the body, as two packets; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK and every call takes 40 ms more. Read once per JVM, when
        // the first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI base;
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<OAuthClient> client = new AtomicReference<>(OAuthClient.defaults());
    private final OnshapeData data = new OnshapeData();
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final Violations violations = new Violations();
    private final TokenLedger tokens = new TokenLedger(() -> Instant.now().plus(clockOffset.get()));
    private final OAuthEndpoints oauth = new OAuthEndpoints(log, violations, tokens, client::get);
    private final ApiGateway gateway;
    private volatile boolean closed;

    private FakeOnshape() throws IOException {
        OpenApiContract contract = OpenApiContract.onshape();
        // compiles the response schemas of the implemented operations while the test sets up (once per JVM);
        // a response checked meanwhile waits for the compilation it needs, the client never does
        if (PREPARING.compareAndSet(false, true)) {
            Thread prepare = new Thread(() -> contract.prepare(ApiEndpoints.sampleCalls()), "fake-onshape-prepare");
            prepare.setDaemon(true);
            prepare.start();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        gateway = new ApiGateway(contract, log, violations, faults, tokens,
                new ApiEndpoints(data, new Thumbnails(), apiBaseUri().toString()));
        server.createContext("/oauth/", oauth);
        server.createContext("/api/", gateway);
        server.createContext("/", exchange -> {
            RecordedRequest request = log.record(exchange);
            violations.add(request.describe() + " is neither Onshape's OAuth server nor its API");
            Reply.text(404, "Not found").sendTo(exchange);
        });
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-onshape-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a fake on a free port; the first one in a JVM also loads the OpenAPI description (seconds). */
    public static FakeOnshape start() {
        try {
            return new FakeOnshape();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Onshape", e);
        }
    }

    // ---- addresses

    /** {@code http://127.0.0.1:<port>}: the host of both the OAuth server and the API. */
    public URI baseUri() {
        return base;
    }

    /** {@code http://127.0.0.1:<port>/api/v16}. */
    public URI apiBaseUri() {
        return base.resolve(OpenApiContract.BASE_PATH);
    }

    public URI authorizeUri() {
        return base.resolve("/oauth/authorize");
    }

    public URI tokenUri() {
        return base.resolve("/oauth/token");
    }

    // ---- OAuth

    /** The registered application; its id and secret are generated and end in {@code =}. */
    public OAuthClient oauthClient() {
        return client.get();
    }

    public FakeOnshape registerClient(OAuthClient registered) {
        client.set(registered);
        return this;
    }

    /** Registers the redirect URI the client must send (and is sent back to), e.g. Vitrine's callback. */
    public FakeOnshape redirectUri(String uri) {
        client.updateAndGet(c -> c.withRedirectUri(uri));
        return this;
    }

    /** From now on, authorize answers {@code error=access_denied} as if the person had refused (or consents again). */
    public FakeOnshape refuseConsent(boolean refuse) {
        oauth.refuseConsent(refuse);
        return this;
    }

    /** {@code expires_in} of access tokens issued from now on (default one hour). */
    public FakeOnshape accessTokenLifetime(Duration lifetime) {
        tokens.accessTokenLifetime(lifetime);
        return this;
    }

    /** Moves the fake's clock forward: codes (60 s) and access tokens expire without waiting. */
    public FakeOnshape advanceClock(Duration by) {
        clockOffset.updateAndGet(offset -> offset.plus(by));
        return this;
    }

    /** A valid access token for the signed-in user without the code flow, for tests about the REST API alone. */
    public String grantAccessToken() {
        return tokens.grant(client.get().clientId()).accessToken();
    }

    /** Every access token stops working at once: the next API call answers 401. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /**
     * The person revoked Vitrine's access at Onshape: every access token answers 401 and every refresh token is
     * refused ({@code invalid_grant}) from now on; signing in again gets tokens that work.
     */
    public void revokeGrants() {
        tokens.revokeGrants();
    }

    /** Every access and refresh token ever issued, to look for them where they must not be. */
    public Set<String> issuedTokens() {
        return tokens.issued();
    }

    // ---- data

    public FakeUser signedInUser() {
        return data.signedIn();
    }

    /** Who sessioninfo describes and who owns documents by default (initially "Ada Lovelace"). */
    public FakeOnshape signedInUser(FakeUser user) {
        data.signedIn(user);
        return this;
    }

    /** Adds the document and returns its 24-hex id. */
    public String addDocument(FakeDocument document) {
        return data.add(document);
    }

    /** Adds {@code count} documents "Document 01"… owned by the signed-in user; ids newest first. */
    public List<String> seedDocuments(int count) {
        return data.seed(count);
    }

    public FakeDocument document(String documentId) {
        return data.find(documentId).orElseThrow(() -> new IllegalArgumentException("no document " + documentId));
    }

    /** From now on every call about the document answers 403 (false: readable again). */
    public void refuseAccess(String documentId, boolean refused) {
        data.unreadable(documentId, refused);
    }

    /** The document is gone: every call about it answers 404. */
    public void removeDocument(String documentId) {
        data.remove(documentId);
    }

    /** An id shaped like Onshape's that names no document here. */
    public String unknownDocumentId() {
        return OnshapeIds.next();
    }

    // ---- faults and recording

    public Faults faults() {
        return faults;
    }

    /** Every request received, OAuth and API alike, in order. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    public List<RecordedRequest> apiRequests() {
        return log.all().stream().filter(RecordedRequest::isApi).collect(Collectors.toList());
    }

    public int apiCalls() {
        return log.apiCalls();
    }

    public int tooManyRequestsSent() {
        return log.tooManyRequests();
    }

    /** API calls per request path, e.g. {@code /api/v16/documents -> 3}. */
    public Map<String, Integer> apiCallsPerPath() {
        return log.apiCallsPerPath();
    }

    /** Forgets the recorded requests and zeroes the counters. */
    public void forgetRequests() {
        log.forget();
    }

    // ---- the contract

    /** The violations seen so far, which are then forgotten: for tests that provoke them on purpose. */
    public List<String> takeViolations() {
        return violations.drain();
    }

    /** Fails, listing them, if any request or response broke the contract; forgets them either way. */
    public void assertNoViolations() {
        violations.assertNone();
    }

    /** Lets a test in this package spoil answers, to prove that the contract catches them. */
    void tamperWithAnswers(UnaryOperator<Reply> change) {
        gateway.tamperWith(change);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        faults.clear();
        log.forget();
        assertNoViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops the server (stalled answers are abandoned), then fails if the contract was broken. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        threads.shutdownNow();
        assertNoViolations();
    }
}
