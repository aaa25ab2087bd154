package org.vitrine.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.web.internal.AnalyticsScript;
import org.vitrine.web.internal.MemorySessionManager;
import org.vitrine.web.internal.RequestConsentSubject;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every page of the web interface ({@code /}, {@code /d/{id}}, {@code /designers}, {@code /signin}, ...) answers
 * with the same app shell; unknown paths get it with status 404 and the browser shows "not found". A public
 * document's page carries a server-written head (title, description, OpenGraph and Twitter tags) so a shared link
 * unfolds with its preview; without a document store the plain shell is served. The analytics script's tag is in
 * the head only for people who allow analytics (see {@link AnalyticsSnippet}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class AppShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AppShellServlet.class);

    private final transient AppShell shell;
    private final String publicUrl;

    private final transient AnalyticsScript analytics;
    private final transient RequestConsentSubject subjects;
    private final transient MemorySessionManager sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentStore documents;

    /** Without it nobody is asked about analytics, so nobody gets the analytics script. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConsentService consent;

    @Activate
    public AppShellServlet(BundleContext context, @Reference AnalyticsScript analytics, @Reference RequestConsentSubject subjects,
                           @Reference MemorySessionManager sessions) {
        this(new AppShell(template(context.getBundle().getEntry(AppShell.TEMPLATE)), AssetCatalog.fromBundle(context.getBundle())),
                String.valueOf(context.getProperty("vitrine.public.url")), analytics, subjects, sessions);
    }

    AppShellServlet(AppShell shell, String publicUrl, AnalyticsScript analytics, RequestConsentSubject subjects,
                    MemorySessionManager sessions) {
        this.shell = shell;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.analytics = analytics;
        this.subjects = subjects;
        this.sessions = sessions;
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
        boolean mayBeSignedIn = carries(request.getCookies(), sessions.cookieName());
        byte[] body = shell.render(head, analyticsTag(request), mayBeSignedIn).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Cookie");
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether the request sent a session cookie (valid or not): only then may someone be signed in. Visitors who
     * carry other cookies only (their privacy choices, for instance) are known to be signed out without asking.
     */
    static boolean carries(Cookie[] cookies, String sessionCookie) {
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (sessionCookie.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private String analyticsTag(HttpServletRequest request) {
        Optional<String> script = analytics.script().map(AnalyticsScript.Script::url);
        if (script.isEmpty()) {
            return "";
        }
        try {
            String gpc = request.getHeader("Sec-GPC");
            BrowserSignals signals = gpc == null ? BrowserSignals.NONE : new BrowserSignals(Map.of(BrowserSignals.SEC_GPC, gpc));
            return AnalyticsSnippet.tag(script, consent, subjects.of(request), signals);
        } catch (RuntimeException e) {
            // no answer about consent means no analytics; the page itself still works
            LOG.warn("Consent to analytics could not be read, so the page is served without the analytics script: {}", e.toString());
            return "";
        }
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
