package org.vitrine.web.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jetty's error handler: writes every error response the container produces itself, such as a 400 for a URI it
 * refuses while parsing ({@code //}, {@code %2e%2e}, {@code %ff}), a bad {@code Host}, a 414, the 405 for
 * {@code TRACE}, or an error a servlet leaves to the container. Each carries the {@link SecurityHeaders} and
 * {@code Cache-Control: no-store}, in UTF-8. The body is a problem ({@code application/problem+json}, as the API's
 * own errors) unless a browser asks for a page outside {@code /api}. When Jetty refused the URI itself, it keeps
 * neither the path nor the headers, so such an answer is always a problem. A server error's cause is never shown.
 */
final class ContainerErrorPage implements Request.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVLET_ERROR_MESSAGE = "jakarta.servlet.error.message";
    private final SecurityHeaders securityHeaders;

    ContainerErrorPage(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = response.getStatus();
        Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        String message = message(request);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
            message = message == null ? http.getReason() : message;
        }
        HttpFields.Mutable headers = response.getHeaders();
        securityHeaders.forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (cause instanceof TraceRefusal.Refused) {
            headers.put(HttpHeader.ALLOW, TraceRefusal.ALLOWED);
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String title = HttpStatus.getMessage(status);
        String detail = status >= 500 || message == null || message.isBlank()
                ? status >= 500 ? "Something went wrong on our side; the error was logged." : title
                : message;
        byte[] body;
        if (wantsPage(request)) {
            headers.put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            body = page(status, title, detail).getBytes(StandardCharsets.UTF_8);
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            body = JSON.writeValueAsBytes(new Problem("about:blank", title, status, detail));
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String message(Request request) {
        Object jetty = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        Object servlet = request.getAttribute(SERVLET_ERROR_MESSAGE);
        return jetty instanceof String s ? s : servlet instanceof String s ? s : null;
    }

    /** A browser asking for a page somewhere other than the API. */
    private static boolean wantsPage(Request request) {
        String path = request.getHttpURI().getPath();
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return path != null && !path.startsWith("/api") && accept != null && accept.contains("text/html");
    }

    private static String page(int status, String title, String detail) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + status + " " + escape(title)
                + "</title>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(detail)
                + "</p>\n<p><a href=\"/\">Back to the start page</a></p>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
