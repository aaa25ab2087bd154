package org.vitrine.web.internal;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The security headers every response carries, pages, API answers and the container's own error responses alike
 * ({@link JettyHooks} puts them on each response before anything handles it, and {@link ContainerErrorPage} on
 * each error): no sniffing, no framing, a strict Content-Security-Policy, a referrer policy, and HSTS when the
 * public URL is https. A servlet may relax one for its own answer (the Onshape panel allows Onshape to frame it).
 */
@Component(service = SecurityHeaders.class)
public class SecurityHeaders {

    /**
     * Scripts, styles and everything else from this site only (no inline scripts or handlers); images may also
     * be {@code data:} URLs, which is how the two-factor QR code arrives.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private final boolean https;
    private final AnalyticsScript analytics;

    @Activate
    public SecurityHeaders(BundleContext context, @Reference AnalyticsScript analytics) {
        this(String.valueOf(context.getProperty("vitrine.public.url")).startsWith("https:"), analytics);
    }

    SecurityHeaders(boolean https, AnalyticsScript analytics) {
        this.https = https;
        this.analytics = analytics;
    }

    /** Hands each header name and value to {@code header}; must stay cheap, it runs for every response. */
    public void forEach(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Content-Security-Policy", contentSecurityPolicy(analytics.script()));
        if (https) {
            header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /**
     * The policy, with the analytics script's origin allowed for scripts and connections when the admin configured
     * one (whether a page links to the script depends on each person's consent; the policy only permits it).
     */
    static String contentSecurityPolicy(Optional<AnalyticsScript.Script> analytics) {
        return analytics.map(a -> CONTENT_SECURITY_POLICY + "; script-src 'self' " + a.origin() + "; connect-src 'self' " + a.origin())
                .orElse(CONTENT_SECURITY_POLICY);
    }
}
