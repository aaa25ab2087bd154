package org.vitrine.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

/**
 * Sessions in memory only: nothing about them (nor the provider tokens they may hold) is ever written to
 * disk, and a restart signs everybody out. Ids are 256 random bits; the cookie is HttpOnly, SameSite=Lax,
 * and Secure when the public URL is https.
 *
 * <p>The second factor is enforced here, where every sign-in method starts its session: for an account with two-factor
 * authentication on, {@link #signIn} starts a session that only waits for the code. {@link #find} (and so the caller
 * resolution, the CSRF check and every filter that recognises a sign-in) never sees such a session; it lives
 * {@link #SECOND_FACTOR_WAIT} at most, and {@link #completeSecondFactor} replaces it with a signed-in one.
 */
@Component(service = {SessionManager.class, MemorySessionManager.class}, configurationPid = "org.vitrine.web")
@Designate(ocd = WebSettings.class)
public class MemorySessionManager implements SessionManager {

    /** How long a session may wait for the second factor, as the time to read a code from an app and type it. */
    static final Duration SECOND_FACTOR_WAIT = Duration.ofMinutes(10);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, MemorySession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final boolean secure;
    private final Clock clock;
    private volatile WebSettings settings;
    /**
     * The platform's second factor (platform/core); while it is missing, nobody can be signed in (fail closed). Bound
     * without getting the service: that service needs this session manager, so getting it while this component
     * activates would be a cycle. It is got at each sign-in instead.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<SecondFactor> secondFactor;
    /** A second factor given directly (unit tests); null in the running platform. */
    private final SecondFactor givenSecondFactor;

    @Activate
    public MemorySessionManager(BundleContext context, WebSettings settings) {
        this(settings, String.valueOf(context.getProperty("vitrine.public.url")).startsWith("https:"), Clock.systemUTC());
    }

    MemorySessionManager(WebSettings settings, boolean secure, Clock clock) {
        this(settings, secure, clock, null);
    }

    MemorySessionManager(WebSettings settings, boolean secure, Clock clock, SecondFactor secondFactor) {
        this.givenSecondFactor = secondFactor;
        this.settings = settings;
        this.secure = secure;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitrine-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    @Modified
    void modified(WebSettings changed) {
        this.settings = changed;
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        sessions.clear();
    }

    @Override
    public Session signIn(long accountId, Set<Role> roles, ClientInfo client, String previousSessionId) {
        MemorySession previous = previousSessionId == null ? null : sessions.remove(previousSessionId);
        // a browser already fully signed in to this account (e.g. connecting a provider) proved the second factor
        boolean proven = previous != null && previous.accountId() == accountId && !previous.awaitingSecondFactor()
                && !expired(previous, clock.instant());
        boolean waiting = !proven && secondFactorRequired(accountId);
        MemorySession session = new MemorySession(token(32), token(12), accountId, roles, token(32), clock.instant(), client, waiting);
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return live(sessionId).filter(s -> !s.awaitingSecondFactor()).map(Session.class::cast);
    }

    @Override
    public Optional<Session> awaitingSecondFactor(String sessionId) {
        return live(sessionId).filter(MemorySession::awaitingSecondFactor).map(Session.class::cast);
    }

    @Override
    public Optional<Session> completeSecondFactor(String pendingSessionId) {
        MemorySession pending = pendingSessionId == null ? null : sessions.get(pendingSessionId);
        // remove() decides: of two concurrent completions with one waiting session, only one gets a session
        if (pending == null || !pending.awaitingSecondFactor() || expired(pending, clock.instant())
                || !sessions.remove(pendingSessionId, pending)) {
            return Optional.empty();
        }
        MemorySession session = new MemorySession(token(32), token(12), pending.accountId(), pending.roles(), token(32),
                clock.instant(), pending.client(), false);
        session.attributes().putAll(pending.attributes());
        sessions.put(session.id(), session);
        return Optional.of(session);
    }

    private boolean secondFactorRequired(long accountId) {
        if (givenSecondFactor != null) {
            return givenSecondFactor.required(accountId);
        }
        ComponentServiceObjects<SecondFactor> objects = secondFactor;
        SecondFactor factor = objects == null ? null : objects.getService();
        if (factor == null) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE,
                    "Signing in is unavailable for a moment while Vitrine starts; try again shortly.");
        }
        try {
            return factor.required(accountId);
        } finally {
            objects.ungetService(factor);
        }
    }

    private Optional<MemorySession> live(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        MemorySession session = sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    @Override
    public boolean end(String sessionId) {
        return sessionId != null && sessions.remove(sessionId) != null;
    }

    @Override
    public int endAll(long accountId, String exceptSessionId) {
        int[] ended = {0};
        sessions.values().removeIf(s -> {
            boolean match = s.accountId() == accountId && !s.id().equals(exceptSessionId);
            if (match) {
                ended[0]++;
            }
            return match;
        });
        return ended[0];
    }

    @Override
    public List<Session> of(long accountId) {
        Instant now = clock.instant();
        return sessions.values().stream()
                .filter(s -> s.accountId() == accountId && !expired(s, now))
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .map(Session.class::cast)
                .toList();
    }

    @Override
    public void updateRoles(long accountId, Set<Role> roles) {
        sessions.values().stream().filter(s -> s.accountId() == accountId).forEach(s -> s.roles(roles));
    }

    @Override
    public String cookieHeader(Session session) {
        return settings.session_cookie() + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    @Override
    public String clearCookieHeader() {
        return settings.session_cookie() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The name of the session cookie (by default {@code vitrine_session}). */
    @Override
    public String cookieName() {
        return settings.session_cookie();
    }

    private boolean expired(MemorySession s, Instant now) {
        WebSettings current = settings;
        if (s.awaitingSecondFactor() && s.createdAt().plus(SECOND_FACTOR_WAIT).isBefore(now)) {
            return true;
        }
        return s.lastSeenAt().plus(Duration.ofMinutes(current.session_idle_minutes())).isBefore(now)
                || s.createdAt().plus(Duration.ofHours(current.session_absolute_hours())).isBefore(now);
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }
}
