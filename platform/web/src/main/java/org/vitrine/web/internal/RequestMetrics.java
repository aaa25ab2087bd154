package org.vitrine.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times every HTTP request into {@code http_server_requests_seconds}, by method, route and status. The route is
 * the API's path template ({@link RouteTagging}), or for anything else the pattern of the servlet that answered
 * ({@code /assets/*}, {@code /metrics}, {@code /} for the web interface's pages, {@code /api/*} for an API address
 * that matched no endpoint): never the raw path, so probing random addresses adds no series.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
// every context: the REST whiteboard registers Jersey in a servlet context of its own
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class RequestMetrics implements Filter {

    static final String METER = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeterRegistry meters;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(req, res);
            failed = false;
        } finally {
            MeterRegistry registry = meters;
            if (registry != null) {
                Timer.builder(METER)
                        .description("HTTP requests by method, route and status")
                        .tag("method", METHODS.contains(request.getMethod()) ? request.getMethod() : "other")
                        .tag("route", route(request))
                        .tag("status", failed ? "500" : Integer.toString(response.getStatus()))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry)
                        .record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static String route(HttpServletRequest request) {
        if (request.getAttribute(RouteTagging.ROUTE) instanceof String route) {
            return route;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String pattern = mapping == null || mapping.getPattern() == null || mapping.getPattern().isEmpty() ? "/" : mapping.getPattern();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return (context + pattern).replace("//", "/");
    }
}
