package org.vitrine.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics script the admin configured, if any: the address the app shell links to (only for people who allow
 * analytics) and its origin, which the Content-Security-Policy then allows for scripts and connections. An address
 * that is not an absolute https URL (http only for localhost) is logged and ignored: no analytics rather than a
 * script from somewhere unexpected.
 */
@Component(service = AnalyticsScript.class, configurationPid = AnalyticsScript.PID)
@Designate(ocd = AnalyticsSettings.class)
public class AnalyticsScript {

    static final String PID = "org.vitrine.privacy";
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsScript.class);

    /** A usable script address and the origin it is served from. */
    public record Script(String url, String origin) {
    }

    private volatile Optional<Script> script = Optional.empty();

    @Activate
    public AnalyticsScript(AnalyticsSettings settings) {
        apply(settings);
    }

    /** No analytics script. */
    AnalyticsScript() {
    }

    @Modified
    void modified(AnalyticsSettings settings) {
        apply(settings);
    }

    private void apply(AnalyticsSettings settings) {
        String value = settings.analytics_script_url();
        try {
            script = parse(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("analytics.script.url in privacy.properties is ignored, so no analytics script is served: {}", e.getMessage());
            script = Optional.empty();
        }
    }

    /** The configured script, if there is a usable one. */
    public Optional<Script> script() {
        return script;
    }

    /**
     * The script at this address; empty for a blank one.
     *
     * @throws IllegalArgumentException naming what is wrong with the address
     */
    static Optional<Script> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http") && local(host))) {
            throw new IllegalArgumentException("'" + value + "' is not an absolute https URL");
        }
        String origin = scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return Optional.of(new Script(uri.toASCIIString(), origin));
    }

    private static boolean local(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
