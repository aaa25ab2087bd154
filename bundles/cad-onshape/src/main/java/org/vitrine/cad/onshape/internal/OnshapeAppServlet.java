package org.vitrine.cad.onshape.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /onshape/app}: the page Onshape opens as an extension, offering "Publish this document" in one click.
 * Only the configured Onshape host may frame it. When the browser blocks cookies inside the frame, the page
 * offers to continue in a new window. Its script is a separate file, so the Content-Security-Policy needs no
 * inline scripts.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/onshape/app", "/onshape/app.js"})
public class OnshapeAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient OnshapeProvider onshape;

    @Activate
    public OnshapeAppServlet(@Reference OnshapeProvider onshape) {
        this.onshape = onshape;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean script = request.getRequestURI().endsWith(".js");
        String origin = onshape.config().documentOrigins().iterator().next();
        response.setHeader("X-Frame-Options", null);
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors " + origin);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType(script ? "text/javascript;charset=utf-8" : "text/html;charset=utf-8");
        try (InputStream in = OnshapeAppServlet.class.getResourceAsStream("/onshape-app/" + (script ? "app.js" : "app.html"))) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            in.transferTo(response.getOutputStream());
        }
    }
}
