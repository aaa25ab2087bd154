package org.vitrine.web.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.CallerResolver;
import org.vitrine.api.security.Callers;
import org.vitrine.api.security.Credentials;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The one gate every API request passes, before matching (so an unknown path tells a prober nothing):
 * <ol>
 * <li>the general per-address budget ({@code api.ip}; health probes are exempt);</li>
 * <li>who is calling, asked of every {@link CallerResolver} (the ops token, the session cookie, ...) through
 * {@link Callers}, handed to resources as the {@link SecurityContext} principal;</li>
 * <li>cross-site request forgery: a state-changing request whose {@code Origin} is another site is refused,
 * and one made with the session cookie must echo the session's token in {@code X-CSRF-Token};</li>
 * <li>addresses that the router and a reader could understand differently are refused with 400
 * ({@link UnambiguousPath}).</li>
 * </ol>
 * Who may call what is not decided here, by the path, but after routing on the matched resource method
 * ({@link AuthorizationFeature}).
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("vitrine-request-gate")
@JSONRequired
@PreMatching
public class RequestGate implements ContainerRequestFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request property holding the client address, for filters that run after routing. */
    static final String CLIENT_ADDRESS = "vitrine.client.address";
    /** Set (to {@code true}) when no caller was found but the session cookie names a sign-in waiting for its second factor. */
    static final String AWAITING_SECOND_FACTOR = "vitrine.second-factor.awaited";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Callers callers;
    private final BucketRateLimiter limits;
    private final MemorySessionManager sessions;
    private final String publicOrigin;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public RequestGate(BundleContext context, @Reference Callers callers, @Reference BucketRateLimiter limits,
                       @Reference MemorySessionManager sessions) {
        this.callers = callers;
        this.limits = limits;
        this.sessions = sessions;
        this.publicOrigin = origin(context.getProperty("vitrine.public.url"));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        String ip = servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        request.setProperty(CLIENT_ADDRESS, ip);
        if (!("GET".equals(method) && normalise(path).equals("health"))) {
            try {
                limits.consume("api.ip", ip);
            } catch (TooManyRequestsException e) {
                request.abortWith(ProblemMapper.toResponse(e));
                return;
            }
        }
        Optional<String> ambiguous = UnambiguousPath.refusal(rawPath(request));
        if (ambiguous.isPresent()) {
            request.abortWith(ProblemMapper.problem(400, ambiguous.get()));
            return;
        }
        Optional<Caller> caller = callers.of(credentials(request, ip));
        caller.ifPresent(c -> request.setSecurityContext(new CallerSecurityContext(c, request.getSecurityContext())));
        if (caller.isEmpty() && awaitsSecondFactor(request)) {
            request.setProperty(AWAITING_SECOND_FACTOR, Boolean.TRUE);
        }

        if (!SAFE_METHODS.contains(method)) {
            String origin = request.getHeaderString("Origin");
            if (origin != null && !origin.equals(publicOrigin) && !origin.equals(requestOrigin(request))) {
                request.abortWith(ProblemMapper.problem(403, "Cross-site request refused: the Origin " + origin
                        + " is not this site."));
                return;
            }
            if (caller.isPresent() && "session".equals(caller.get().via()) && !csrfTokenMatches(request, caller.get())) {
                request.abortWith(ProblemMapper.problem(403, "This request needs the session's CSRF token in the "
                        + CSRF_HEADER + " header (see GET /api/me)."));
                return;
            }
        }
    }

    /** The path as the client sent it, not decoded and with any {@code ;} parameters still in it. */
    private String rawPath(ContainerRequestContext request) {
        return servletRequest != null ? servletRequest.getRequestURI() : request.getUriInfo().getRequestUri().getRawPath();
    }

    private boolean awaitsSecondFactor(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(sessions.cookieName());
        return cookie != null && sessions.awaitingSecondFactor(cookie.getValue()).isPresent();
    }

    private boolean csrfTokenMatches(ContainerRequestContext request, Caller caller) {
        String sent = request.getHeaderString(CSRF_HEADER);
        return sent != null && sessions.find(caller.sessionId())
                .map(s -> MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static String normalise(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String requestOrigin(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        return origin(base.toString());
    }

    static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                    || ("https".equals(uri.getScheme()) && port == 443);
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Credentials credentials(ContainerRequestContext request, String ip) {
        Map<String, String> cookies = new HashMap<>();
        for (Map.Entry<String, Cookie> c : request.getCookies().entrySet()) {
            cookies.put(c.getKey(), c.getValue().getValue());
        }
        return new Credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION), cookies, ip);
    }

    /** Exposes the caller to resources through the standard {@link SecurityContext}. */
    private record CallerSecurityContext(Caller caller, SecurityContext original) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return AccessRule.holds(caller, role);
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.via();
        }
    }
}
