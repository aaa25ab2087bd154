package org.vitrine.web.internal;

import java.util.Locale;
import java.util.Set;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Refuses {@code TRACE} (and Microsoft's {@code TRACK}) with 405 for every path, before any servlet: a servlet's
 * default {@code doTrace} echoes the request back, cookies and all, which cross-site tracing turns into a way
 * around HttpOnly. Throwing from a customizer is how Jetty itself refuses a request at this stage; the
 * {@link ContainerErrorPage} writes the answer.
 */
final class TraceRefusal implements HttpConfiguration.Customizer {

    private static final Set<String> REFUSED = Set.of("TRACE", "TRACK");
    /** What a 405 must list: the methods this server answers at all (each address accepts a subset). */
    static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    /** The refusal, recognised by the error page so that it can add {@code Allow}. */
    static final class Refused extends HttpException.RuntimeException {
        Refused(String method) {
            super(405, method + " requests are not accepted by this server.");
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (REFUSED.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            throw new Refused(request.getMethod());
        }
        return request;
    }
}
