package org.vitrine.web.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.vitrine.api.net.TrustedProxies;

/**
 * Puts the client a trusted reverse proxy forwarded for in place of the proxy, once, before anything handles the
 * request: every consumer ({@code HttpServletRequest#getRemoteAddr}, {@code getScheme}, {@code isSecure}, the rate
 * limits, the audit log, consent and contact records, the access log) then sees the visitor. Jetty's own
 * {@code ForwardedRequestCustomizer} is not used: it believes any sender and takes the leftmost
 * {@code X-Forwarded-For} value, which the visitor writes. See {@link ForwardedClient} for the walk.
 */
final class TrustedProxyCustomizer implements HttpConfiguration.Customizer {

    private final TrustedProxies trusted;
    private final ForwardedClient.Headers kind;

    TrustedProxyCustomizer(TrustedProxies trusted, ForwardedClient.Headers kind) {
        this.trusted = trusted;
        this.kind = kind;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (trusted.isEmpty() || !(remote instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return request;
        }
        String scheme = request.getHttpURI().getScheme();
        ForwardedClient.Origin origin = ForwardedClient.resolve(socket.getAddress(), scheme,
                name -> request.getHeaders().getValuesList(name), trusted, kind);
        if (origin.address().equals(socket.getAddress()) && origin.scheme().equals(scheme)) {
            return request;
        }
        // the client's port is not forwarded; 0 says "unknown" rather than passing the proxy's port off as theirs
        return new Forwarded(request, new InetSocketAddress(origin.address(), 0), origin.scheme());
    }

    /** The request as the client sent it to the proxy: its address and scheme. */
    private static final class Forwarded extends Request.Wrapper {

        private final ConnectionMetaData connection;
        private final HttpURI uri;
        private final boolean secure;

        Forwarded(Request request, InetSocketAddress client, String scheme) {
            super(request);
            this.secure = "https".equals(scheme);
            this.uri = HttpURI.build(request.getHttpURI()).scheme(scheme).asImmutable();
            this.connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
                @Override
                public SocketAddress getRemoteSocketAddress() {
                    return client;
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }
            };
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return connection;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }
    }
}
