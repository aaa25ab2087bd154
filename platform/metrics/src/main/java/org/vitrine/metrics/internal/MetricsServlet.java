package org.vitrine.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Callers;
import org.vitrine.api.security.Credentials;
import org.vitrine.api.security.Role;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format (OpenMetrics when asked), for admins and the
 * operations token only, as the admin API: nobody signed in gets 401, anyone else 403 (audited). The caller is
 * recognised as the API recognises it ({@link Callers}), by this servlet itself, so no address that reaches it is
 * open.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    static final String PATH = "/metrics";
    static final String NEEDS = "the admin role (or send 'Authorization: Bearer <VITRINE_ADMIN_TOKEN>')";
    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry;
    private final transient Callers callers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile AuditLog auditLog;

    @Activate
    public MetricsServlet(@Reference PrometheusRegistry registry, @Reference Callers callers) {
        this.registry = registry;
        this.callers = callers;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = caller(request);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"vitrine\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in first: this needs " + NEEDS + ".");
            return;
        }
        if (!caller.get().has(Role.ADMIN)) {
            String detail = "This needs the admin role.";
            audit(caller.get(), request, detail);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, detail);
            return;
        }
        MetricsFormat format = MetricsFormat.accepted(request.getHeader("Accept"));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.contentType());
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            registry.scrape(out, format);
        }
    }

    private Optional<Caller> caller(HttpServletRequest request) {
        Map<String, String> cookies = new HashMap<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                cookies.putIfAbsent(cookie.getName(), cookie.getValue());
            }
        }
        return callers.of(new Credentials(request.getHeader("Authorization"), cookies, request.getRemoteAddr()));
    }

    private void audit(Caller caller, HttpServletRequest request, String detail) {
        AuditLog log = auditLog;
        if (log != null) {
            log.append(new AuditEvent(Instant.now(), caller.name(), "access.refuse", request.getMethod() + " " + PATH,
                    request.getRemoteAddr(), "refused", detail));
        }
    }
}
