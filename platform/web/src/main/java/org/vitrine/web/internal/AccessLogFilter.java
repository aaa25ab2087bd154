package org.vitrine.web.internal;

import java.io.IOException;

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
 * {@code vitrine.access} logger, which the logging configuration sends to {@code data/logs/access.log}. The query
 * string is left out: it may carry codes. The client address is the one {@link TrustedProxyCustomizer} resolved
 * (the visitor behind a trusted proxy, otherwise the socket's peer). The security headers are set beneath the
 * servlets, by {@link JettyHooks}, so that the container's own answers carry them too.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
// every context: the REST whiteboard registers Jersey in a servlet context of its own
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class AccessLogFilter implements Filter {

    private static final Logger ACCESS = LoggerFactory.getLogger("vitrine.access");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            ACCESS.info("{} {} {} {} {}ms", request.getRemoteAddr(), request.getMethod(), request.getRequestURI(),
                    response.getStatus(), String.format("%.1f", micros / 1000.0));
        }
    }
}
