package org.vitrine.web.internal;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes one access-log line per request (client address, method, path, status, duration) to the
 * {@code vitrine.access} logger, which the logging configuration sends to {@code data/logs/access.log}, and
 * sets the security headers every response carries (HSTS too when the public URL is https). The query string is left out: it may carry codes.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
// every context: the REST whiteboard registers Jersey in a servlet context of its own
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class AccessLogFilter implements Filter {

    private static final Logger ACCESS = LoggerFactory.getLogger("vitrine.access");
    /**
     * Scripts, styles and everything else from this site only (no inline scripts or handlers); images may also
     * be {@code data:} URLs, which is how the two-factor QR code arrives.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private final boolean https;

    @Activate
    public AccessLogFilter(BundleContext context) {
        this.https = String.valueOf(context.getProperty("vitrine.public.url")).startsWith("https:");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        try {
            chain.doFilter(req, res);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            ACCESS.info("{} {} {} {} {}ms", request.getRemoteAddr(), request.getMethod(), request.getRequestURI(),
                    response.getStatus(), String.format("%.1f", micros / 1000.0));
        }
    }
}
