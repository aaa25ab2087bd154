package org.vitrine.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every page of the web interface ({@code /}, {@code /d/{id}}, {@code /designers}, {@code /signin}, ...) answers
 * with the same app shell; unknown paths get it with status 404 and the browser shows "not found". A public
 * document's page carries a server-written head (title, description, OpenGraph and Twitter tags) so a shared link
 * unfolds with its preview; without a document store the plain shell is served.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class AppShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AppShellServlet.class);

    private final transient AppShell shell;
    private final String publicUrl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentStore documents;

    @Activate
    public AppShellServlet(BundleContext context) {
        this(new AppShell(template(context.getBundle().getEntry(AppShell.TEMPLATE)), AssetCatalog.fromBundle(context.getBundle())),
                String.valueOf(context.getProperty("vitrine.public.url")));
    }

    AppShellServlet(AppShell shell, String publicUrl) {
        this.shell = shell;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void setDocuments(DocumentStore documents) {
        this.documents = documents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        int status = UiRoute.known(path) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND;
        HeadMeta head = HeadMeta.generic();
        OptionalLong id = UiRoute.documentId(path);
        DocumentStore store = documents;
        if (id.isPresent() && store != null) {
            try {
                Optional<PublishedDocument> document = store.find(id.getAsLong());
                if (document.isEmpty()) {
                    status = HttpServletResponse.SC_NOT_FOUND;
                } else if (document.get().status() == DocumentStatus.DISABLED) {
                    status = HttpServletResponse.SC_GONE;
                } else {
                    head = HeadMeta.of(document.get(), publicUrl);
                }
            } catch (RuntimeException e) {
                // the page still works: the browser asks the API, which reports the problem
                LOG.warn("Document {} could not be read for its page head: {}", id.getAsLong(), e.toString());
            }
        }
        Cookie[] cookies = request.getCookies();
        byte[] body = shell.render(head, cookies != null && cookies.length > 0).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Cookie");
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String template(URL url) {
        if (url == null) {
            throw new IllegalStateException("The bundle lacks " + AppShell.TEMPLATE);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
