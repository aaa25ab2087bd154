package org.vitrine.core.http;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The address people use to reach Vitrine ({@code public.url} in {@code config/vitrine.properties}, handed to the
 * framework by the launcher as {@code vitrine.public.url}), for absolute links in mail and messages.
 */
@Component(service = PublicAddress.class)
public class PublicAddress {

    private final String base;

    @Activate
    public PublicAddress(BundleContext context) {
        String url = context.getProperty("vitrine.public.url");
        url = url == null || url.isBlank() ? "http://localhost:8080" : url.strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The absolute address of a path of this site, e.g. {@code link("/terms")}. */
    public String link(String path) {
        return base + path;
    }

    /** Whether people reach Vitrine over https (cookies are then marked Secure). */
    public boolean https() {
        return base.startsWith("https:");
    }
}
