package org.vitrine.web.internal;

import java.time.Instant;
import java.util.function.Consumer;

import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Enforces one resource method's {@link AccessRule} after routing, with the caller the {@link RequestGate}
 * resolved: 401 when nobody is signed in and the method needs a role, 403 when the caller lacks the role or the
 * method is closed (declared so, or not declared at all). A refusal to someone signed in is audited as
 * {@value #AUDIT_ACTION}, naming the call; a visitor's is not (probing would flood the log). Registered per method by
 * {@link AuthorizationFeature}.
 */
final class AuthorizationFilter implements ContainerRequestFilter {

    static final String AUDIT_ACTION = "access.refuse";
    private static final int TARGET_LENGTH = 255;

    private final AccessRule rule;
    private final Consumer<AuditEvent> audit;

    AuthorizationFilter(AccessRule rule, Consumer<AuditEvent> audit) {
        this.rule = rule;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = Caller.of(request.getSecurityContext().getUserPrincipal()).orElse(null);
        if (rule.admits(caller)) {
            return;
        }
        if (caller == null && rule.kind() == AccessRule.Kind.ROLES
                && Boolean.TRUE.equals(request.getProperty(RequestGate.AWAITING_SECOND_FACTOR))) {
            request.abortWith(ProblemMapper.problem(401, SecondFactor.PROBLEM_TYPE, "Second factor required",
                    "Enter the code from your authenticator app, or a recovery code, to finish signing in "
                            + "(POST /api/auth/second-factor)."));
            return;
        }
        if (caller == null && rule.kind() == AccessRule.Kind.ROLES) {
            String token = rule.roles().contains(Role.ADMIN) ? " (or send 'Authorization: Bearer <VITRINE_ADMIN_TOKEN>')" : "";
            request.abortWith(ProblemMapper.problem(401, "Sign in first: this needs " + rule.declaration() + token + "."));
            return;
        }
        String detail = rule.kind() == AccessRule.Kind.NOBODY ? "Refused: " + rule.declaration() + "."
                : "This needs " + rule.declaration() + ".";
        if (caller != null) {
            String call = request.getMethod() + " /api/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
            Object ip = request.getProperty(RequestGate.CLIENT_ADDRESS);
            audit.accept(new AuditEvent(Instant.now(), caller.name(), AUDIT_ACTION,
                    call.length() > TARGET_LENGTH ? call.substring(0, TARGET_LENGTH) : call,
                    ip == null ? null : ip.toString(), "refused", detail));
        }
        request.abortWith(ProblemMapper.problem(403, detail));
    }
}
