package org.vitrine.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.features.Feature;
import org.vitrine.features.FeatureBundle;
import org.vitrine.features.FeatureReader;

/**
 * Apache Felix with the platform kernel ({@code features/platform.json}) installed. Everything else is a
 * module that the core bundle switches on and off; the launcher only hands over settings as framework
 * properties. The framework cache is rebuilt at every start: the files in {@code config/} and
 * {@code features/} are the only truth.
 */
public final class Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    private static final int DEFAULT_START_LEVEL = 5;
    /** Exported by the system bundle: one logging for the launcher and every bundle. */
    public static final String SYSTEM_PACKAGES_EXTRA = "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,"
            + "org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17,org.slf4j;version=1.7.36,"
            + "org.slf4j.event;version=1.7.36,org.slf4j.helpers;version=1.7.36,org.slf4j.spi;version=1.7.36";

    /** The web bundle's service that drains the HTTP server (see its HttpDrain). */
    private static final String HTTP_DRAIN = "(vitrine.lifecycle=http-drain)";

    private final Settings settings;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private volatile Framework framework;

    public Platform(Settings settings, String dbUrl, String dbUser, String dbPassword) {
        this.settings = settings;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    public void start() throws IOException, BundleException {
        Layout layout = settings.layout();
        Path kernelFile = layout.features().resolve(Feature.PLATFORM + ".json");
        if (!Files.isRegularFile(kernelFile)) {
            throw new IOException("The platform kernel description is missing: " + kernelFile
                    + " (features.dir points at the wrong folder?)");
        }
        Feature kernel = new FeatureReader().read(kernelFile);
        framework = new FrameworkFactory().newFramework(frameworkProperties(layout));
        framework.init();
        List<Bundle> toStart = new ArrayList<>();
        for (FeatureBundle fb : kernel.bundles()) {
            Path jar = layout.repository().resolve(fb.repositoryPath());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("Kernel bundle " + fb.coordinates() + " is missing from " + layout.repository());
            }
            Bundle bundle = framework.getBundleContext().installBundle(fb.location(layout.repository()));
            bundle.adapt(BundleStartLevel.class).setStartLevel(fb.startOrder() > 0 ? fb.startOrder() : DEFAULT_START_LEVEL);
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                toStart.add(bundle);
            }
        }
        for (Bundle bundle : toStart) {
            bundle.start();
        }
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(DEFAULT_START_LEVEL + 5);
        LOG.info("OSGi framework started with {} kernel bundles", toStart.size());
    }

    /**
     * Offers the bundles a service of the launcher's. Only {@code java.*} types are shared between the launcher and the
     * bundles, so {@code type} must be one of them; {@code property} tells the service apart from others of its type.
     */
    public <T> void offer(Class<T> type, T service, String property, String value) {
        if (!type.getName().startsWith("java.")) {
            throw new IllegalArgumentException(type + " is not shared with the bundles");
        }
        Framework running = framework;
        if (running != null) {
            running.getBundleContext().registerService(type, service, new Hashtable<>(Map.of(property, value)));
        }
    }

    /**
     * The HTTP server stops accepting connections and finishes the requests it has received, waiting at most
     * {@code grace}; returns how many connections were still busy then, or -1 when no HTTP server runs.
     */
    public int drainHttp(Duration grace) {
        Framework running = framework;
        if (running == null) {
            return -1;
        }
        BundleContext context = running.getBundleContext();
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences(Function.class.getName(), HTTP_DRAIN);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            @SuppressWarnings("unchecked")
            Function<Duration, Integer> drain = (Function<Duration, Integer>) context.getService(reference);
            if (drain != null) {
                try {
                    return drain.apply(grace);
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        LOG.warn("No HTTP server to drain; the modules stop now");
        return -1;
    }

    public void stop() {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            if (framework.waitForStop(30_000).getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The OSGi framework did not stop within 30 s");
            } else {
                LOG.info("OSGi framework stopped");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.warn("The OSGi framework did not stop cleanly: {}", e.getMessage());
        }
        framework = null;
    }

    /** The media types Jetty compresses when the client accepts gzip. */
    static final String COMPRESSED_TYPES = "application/json,application/problem+json,text/javascript,application/javascript,"
            + "text/css,image/svg+xml,text/html,text/plain,application/xml,application/manifest+json";

    private Map<String, String> frameworkProperties(Layout layout) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, layout.frameworkCache().toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");
        p.put("org.osgi.service.http.port", Integer.toString(settings.port()));
        p.put("org.apache.felix.http.host", settings.bindAddress());
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // Jetty's gzip handler, beneath every servlet: text formats only (images, archives and fonts are already
        // compressed). It adds Vary: Accept-Encoding, marks the ETag of a compressed answer (--gzip) and takes
        // that mark off an If-None-Match it receives, so a 304 still works.
        p.put("org.apache.felix.jetty.gziphandler.enable", "true");
        p.put("org.apache.felix.jetty.gzip.includedMimeTypes", COMPRESSED_TYPES);
        p.put("ds.loglevel", "warn");
        p.put("vitrine.home", layout.home().toString());
        p.put("vitrine.config.dir", layout.config().toString());
        p.put("vitrine.data.dir", layout.data().toString());
        p.put("vitrine.deploy.dir", layout.deploy().toString());
        p.put("vitrine.features.dir", layout.features().toString());
        p.put("vitrine.repository.dir", layout.repository().toString());
        p.put("vitrine.blobs.dir", layout.blobs().toString());
        p.put("vitrine.public.url", settings.publicUrl().toString());
        p.put("vitrine.db.url", dbUrl);
        p.put("vitrine.db.user", dbUser);
        p.put("vitrine.db.password", dbPassword);
        p.put("vitrine.admin.token", settings.adminToken());
        p.put("vitrine.secret.key", settings.secretKey());
        p.put("vitrine.trusted.proxies", settings.trustedProxies().toString());
        p.put("vitrine.trusted.proxies.headers", settings.proxyHeaders());
        return p;
    }
}
