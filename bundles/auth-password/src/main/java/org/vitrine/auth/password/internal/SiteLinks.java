package org.vitrine.auth.password.internal;

import org.osgi.framework.BundleContext;

/** Absolute links to pages of this site, for messages: from the public address the launcher gives the framework. */
final class SiteLinks {

    private final String base;

    SiteLinks(BundleContext context) {
        String url = String.valueOf(context.getProperty("vitrine.public.url"));
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The absolute address of a path of this site, e.g. {@code link("/signin")}. */
    String link(String path) {
        return base + path;
    }
}
