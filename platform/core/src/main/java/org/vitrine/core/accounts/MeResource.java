package org.vitrine.core.accounts;

import java.time.Instant;
import java.util.List;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.problem.DomainException;
import org.vitrine.core.privacy.AccountErasure;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.devices.KnownDevices;
import org.vitrine.core.http.Clients;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The signed-in person: {@code GET /api/me}, deleting their account, their sessions, and signing out. */
@Component(service = MeResource.class)
@JakartarsResource
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(long id, String email, String displayName, String firstName, String lastName, String company,
                     String avatarUrl, List<String> roles, boolean twoFactorEnabled, boolean emailVerified, String csrfToken,
                     boolean newDeviceNotice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(String id, Instant createdAt, Instant lastSeenAt, String ip, String userAgent, boolean current) {
    }

    private final AccountStore accounts;
    private final SessionManager sessions;
    private final AuditLog audit;
    private final AccountErasure erasure;
    private final KnownDevices devices;

    @Activate
    public MeResource(@Reference AccountStore accounts, @Reference SessionManager sessions, @Reference AuditLog audit,
                      @Reference AccountErasure erasure, @Reference KnownDevices devices) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.erasure = erasure;
        this.devices = devices;
    }

    @RolesAllowed("user")
    @GET
    @Path("me")
    public Me me(@Context SecurityContext security) {
        Session session = session(security);
        Account a = accounts.byId(session.accountId())
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "The account no longer exists."));
        boolean twoFactor = accounts.totp(a.id()).map(t -> t.confirmed()).orElse(false);
        return new Me(a.id(), a.email(), a.displayName(), a.firstName(), a.lastName(), a.company(), a.avatarUrl(),
                a.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList(), twoFactor,
                accounts.emailVerifiedAt(a.id()).isPresent(), session.csrfToken(), devices.noticeWanted(a.id()));
    }

    /** Body of {@code DELETE /api/me}; an account without a password sends none (or an empty object). */
    public record DeletionProof(String password, String code, String recoveryCode) {
    }

    @RolesAllowed("user")
    @DELETE
    @Path("me")
    public Response delete(DeletionProof body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Session session = session(security);
        DeletionProof proof = body == null ? new DeletionProof(null, null, null) : body;
        erasure.delete(session, new AccountErasure.Proof(proof.password(), proof.code(), proof.recoveryCode()),
                Clients.of(http));
        return Response.noContent().header("Set-Cookie", sessions.clearCookieHeader()).build();
    }

    @RolesAllowed("user")
    @GET
    @Path("me/sessions")
    public List<SessionView> sessions(@Context SecurityContext security) {
        Session current = session(security);
        return sessions.of(current.accountId()).stream()
                .map(s -> new SessionView(s.publicId(), s.createdAt(), s.lastSeenAt(), s.client().ip(), s.client().userAgent(),
                        s.id().equals(current.id())))
                .toList();
    }

    @RolesAllowed("user")
    @DELETE
    @Path("me/sessions/{id}")
    public Response revoke(@PathParam("id") String publicId, @Context SecurityContext security, @Context HttpServletRequest http) {
        Session current = session(security);
        Session target = sessions.of(current.accountId()).stream().filter(s -> s.publicId().equals(publicId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("You have no session '" + publicId + "'."));
        sessions.end(target.id());
        audit.append(new AuditEvent(Instant.now(), "account:" + current.accountId(), "session.revoke", "session:" + publicId,
                http.getRemoteAddr(), "success", null));
        Response.ResponseBuilder response = Response.noContent();
        if (target.id().equals(current.id())) {
            response.header("Set-Cookie", sessions.clearCookieHeader());
        }
        return response.build();
    }

    @PermitAll
    @POST
    @Path("auth/logout")
    public Response logout(@Context SecurityContext security, @Context HttpServletRequest http) {
        Caller.of(security.getUserPrincipal()).filter(c -> c.sessionId() != null).ifPresent(c -> {
            sessions.end(c.sessionId());
            audit.append(new AuditEvent(Instant.now(), c.name(), "auth.signout", null, http.getRemoteAddr(), "success", null));
        });
        return Response.noContent().header("Set-Cookie", sessions.clearCookieHeader()).build();
    }

    private Session session(SecurityContext security) {
        return Caller.of(security.getUserPrincipal())
                .filter(c -> c.sessionId() != null)
                .flatMap(c -> sessions.find(c.sessionId()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }

}
