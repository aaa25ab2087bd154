package org.vitrine.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Function;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.net.TrustedProxies;

/**
 * Hardens the Jetty server that Felix HTTP runs, beneath every servlet, so that no response escapes: on each
 * request, before anything handles it, the client behind a trusted proxy is resolved
 * ({@link TrustedProxyCustomizer}), {@code TRACE}/{@code TRACK} are refused ({@link TraceRefusal}) and the
 * {@link SecurityHeaders} are put on the response; every error the container writes itself goes through
 * {@link ContainerErrorPage}. It also offers the launcher the first step of the ordered stop, {@link HttpDrain}.
 * <p>
 * Felix HTTP hands its {@link Server} to extensions only through {@link ConnectorFactory} (meant for extra
 * connectors), called for each server right after its HTTP connector opens. So this is one: it installs the
 * above on the server's connectors and returns an {@link InertConnector} (no socket, no thread), as Felix needs a
 * connector back. This component is active before Felix HTTP starts (start levels), so requests are served
 * without it only during the instant between the port opening and this call, before Vitrine reports ready.
 */
@Component(service = {ConnectorFactory.class, JettyHooks.class})
public class JettyHooks implements ConnectorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(JettyHooks.class);

    private final SecurityHeaders securityHeaders;
    private final TrustedProxies trustedProxies;
    private final ForwardedClient.Headers proxyHeaders;
    private final BundleContext context;
    private final List<Runnable> undo = new ArrayList<>();
    private ServiceRegistration<?> drain;
    private volatile ThreadPool threads;

    @Activate
    public JettyHooks(BundleContext context, @Reference SecurityHeaders securityHeaders) {
        this.context = context;
        this.securityHeaders = securityHeaders;
        // the launcher has validated the setting: a malformed one never gets this far
        this.trustedProxies = TrustedProxies.parse(context.getProperty("vitrine.trusted.proxies"));
        this.proxyHeaders = ForwardedClient.Headers.of(context.getProperty("vitrine.trusted.proxies.headers"));
    }

    @Override
    public synchronized Connector createConnector(Server server) {
        threads = server.getThreadPool();
        Request.Handler previous = server.getErrorHandler();
        ContainerErrorPage errorPage = new ContainerErrorPage(securityHeaders);
        server.setErrorHandler(errorPage);
        undo.add(() -> {
            if (server.getErrorHandler() == errorPage) {
                server.setErrorHandler(previous);
            }
        });
        List<HttpConfiguration.Customizer> customizers = List.of(
                new TrustedProxyCustomizer(trustedProxies, proxyHeaders),
                new TraceRefusal(),
                (request, responseHeaders) -> {
                    securityHeaders.forEach(responseHeaders::put);
                    return request;
                });
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                    HttpConfiguration configuration = http.getHttpConfiguration();
                    customizers.forEach(configuration::addCustomizer);
                    undo.add(() -> configuration.getCustomizers().removeAll(customizers));
                }
            }
        }
        offerDrain(server);
        LOG.info("Jetty hardened: security headers and problem bodies on every response, TRACE refused, trusted proxies: {}",
                trustedProxies.isEmpty() ? "none" : trustedProxies + " (" + proxyHeaders.setting() + " headers)");
        return new InertConnector(server, server.getConnectors());
    }

    /** Offers the launcher the drain of this server; a server started anew (new settings) replaces the one before. */
    private void offerDrain(Server server) {
        withdrawDrain();
        List<Connector> sockets = Arrays.stream(server.getConnectors()).filter(c -> !(c instanceof InertConnector)).toList();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpDrain.SERVICE_PROPERTY, HttpDrain.SERVICE_VALUE);
        drain = context.registerService(Function.class.getName(), new HttpDrain(sockets), properties);
    }

    private void withdrawDrain() {
        if (drain != null) {
            try {
                drain.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework took it back
            }
            drain = null;
        }
    }

    /**
     * What Felix HTTP gets back: it lists each connector's address among the server's endpoints and insists on a
     * {@link ServerConnector}, so this one repeats the address of the server's own connector, but it never opens
     * a socket or starts a thread.
     */
    static final class InertConnector extends ServerConnector {

        InertConnector(Server server, Connector[] existing) {
            super(server, 0, 1);
            for (Connector connector : existing) {
                if (connector instanceof ServerConnector real) {
                    setHost(real.getHost());
                    setPort(real.getPort());
                }
            }
        }

        @Override
        protected void doStart() {
            // nothing: no socket, no acceptor, no selector
        }

        @Override
        protected void doStop() {
            // nothing was started
        }
    }

    /** The server's request threads, once Felix HTTP handed the server over; else null. */
    ThreadPool threads() {
        return threads;
    }

    @Deactivate
    synchronized void deactivate() {
        withdrawDrain();
        undo.forEach(Runnable::run);
        undo.clear();
    }
}
