package org.vitrine.web.ui;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /assets/*}: the web interface's CSS, scripts and images, with a strong ETag (content hash) and 304 on
 * {@code If-None-Match}. A request that names the current content hash ({@code ?v=<hash>}, as the app shell
 * links its entry points) may be cached for a year; anything else is revalidated at every use.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/assets/*")
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final transient AssetCatalog assets;

    @Activate
    public AssetServlet(BundleContext context) {
        this(AssetCatalog.fromBundle(context.getBundle()));
    }

    AssetServlet(AssetCatalog assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Asset asset = path == null || path.length() < 2 ? null : assets.find(path.substring(1)).orElse(null);
        if (asset == null) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("ETag", asset.etag());
        response.setHeader("Cache-Control", asset.version().equals(request.getParameter("v")) ? IMMUTABLE : REVALIDATE);
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        response.setContentLength(asset.content().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(asset.content());
        }
    }

    /** {@code If-None-Match} holds {@code *} or a comma-separated list of tags, possibly weak ({@code W/"..."}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
