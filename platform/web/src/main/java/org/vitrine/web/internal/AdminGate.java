package org.vitrine.web.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.CallerResolver;
import org.vitrine.api.security.Credentials;
import org.vitrine.api.security.Role;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Recognises the caller of every API request and closes everything under {@code /api/admin} to anyone who
 * is not an admin. Callers are recognised by the {@link CallerResolver} services of whichever modules are
 * on (the ops token today; sessions when accounts exist), so protecting a new admin resource needs nothing
 * but its path. It runs before matching, so an unknown admin path tells an anonymous prober nothing.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("vitrine-admin-gate")
@JSONRequired
@PreMatching
public class AdminGate implements ContainerRequestFilter {

    private final List<CallerResolver> resolvers = new CopyOnWriteArrayList<>();

    @Context
    private HttpServletRequest servletRequest;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResolver(CallerResolver resolver) {
        resolvers.add(resolver);
    }

    void removeResolver(CallerResolver resolver) {
        resolvers.remove(resolver);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Credentials credentials = credentials(request);
        Optional<Caller> caller = resolve(credentials);
        caller.ifPresent(c -> request.setSecurityContext(new CallerSecurityContext(c, request.getSecurityContext())));
        if (!isAdminPath(request.getUriInfo().getPath())) {
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(ProblemMapper.problem(401, "Admin endpoints need an admin: send "
                    + "'Authorization: Bearer <VITRINE_ADMIN_TOKEN>' or sign in as an admin."));
        } else if (!caller.get().has(Role.ADMIN)) {
            request.abortWith(ProblemMapper.problem(403, "This needs the admin role."));
        }
    }

    Optional<Caller> resolve(Credentials credentials) {
        for (CallerResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.resolve(credentials);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    static boolean isAdminPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("admin") || p.startsWith("admin/");
    }

    private Credentials credentials(ContainerRequestContext request) {
        Map<String, String> cookies = new java.util.HashMap<>();
        for (Map.Entry<String, Cookie> c : request.getCookies().entrySet()) {
            cookies.put(c.getKey(), c.getValue().getValue());
        }
        String remote = servletRequest == null ? null : servletRequest.getRemoteAddr();
        return new Credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION), cookies, remote);
    }

    /** Exposes the caller to resources through the standard {@link SecurityContext}. */
    private record CallerSecurityContext(Caller caller, SecurityContext original) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::name;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().stream().anyMatch(r -> r.name().equalsIgnoreCase(role));
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
