package org.vitrine.core.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.http.Clients;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/auth/second-factor}: the step after any sign-in method, for an account with two-factor authentication on.
 * The browser holds a session that only waits for the code (it is anonymous everywhere else): GET tells that a code
 * is awaited and gives that session's CSRF token, POST completes the sign-in with a code or a recovery code (a new
 * session id), DELETE gives up. Public on purpose: a waiting session is nobody's session; this endpoint finds it by
 * the cookie and accepts the waiting session's own CSRF token, which is good for nothing else.
 */
@Component(service = SecondFactorResource.class)
@JakartarsResource
@JSONRequired
@Path("auth/second-factor")
@Produces(MediaType.APPLICATION_JSON)
public class SecondFactorResource {

    static final String CSRF_HEADER = "X-CSRF-Token";

    /** What a browser waiting for the second factor is told. */
    public record Waiting(boolean awaitingSecondFactor, String csrfToken) {
    }

    /** The body of the POST: one of the two. */
    public record Code(String code, String recoveryCode) {
    }

    /** The answer of a completed sign-in: the new session's CSRF token. */
    public record Completed(long id, String csrfToken) {
    }

    private final SessionManager sessions;
    private final SecondFactor secondFactor;

    @Activate
    public SecondFactorResource(@Reference SessionManager sessions, @Reference SecondFactor secondFactor) {
        this.sessions = sessions;
        this.secondFactor = secondFactor;
    }

    @GET
    @PermitAll
    public Waiting state(@Context HttpHeaders headers) {
        Session waiting = waiting(headers);
        return new Waiting(true, waiting.csrfToken());
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(Code body, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        Session waiting = waiting(headers);
        String sent = headers.getHeaderString(CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                waiting.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "This request needs the waiting sign-in's CSRF token in "
                    + "the " + CSRF_HEADER + " header (see GET /api/auth/second-factor).");
        }
        if (body == null) {
            throw DomainException.badRequest("Send a JSON body like {\"code\": \"123456\"} or {\"recoveryCode\": \"abcd-efgh-jkmn\"}.");
        }
        Session done = secondFactor.complete(waiting.id(), body.code(), body.recoveryCode(), Clients.of(http));
        return Response.ok(new Completed(done.accountId(), done.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, sessions.cookieHeader(done))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @DELETE
    @PermitAll
    public Response abandon(@Context HttpHeaders headers) {
        sessions.end(waiting(headers).id());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessions.clearCookieHeader()).build();
    }

    private Session waiting(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessions.cookieName());
        return sessions.awaitingSecondFactor(cookie == null ? null : cookie.getValue())
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "No sign-in is waiting for a second "
                        + "factor in this browser (it may have taken longer than ten minutes): sign in again."));
    }
}
