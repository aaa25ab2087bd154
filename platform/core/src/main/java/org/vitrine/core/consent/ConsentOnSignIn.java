package org.vitrine.core.consent;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.http.SignInResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;

/**
 * Attaches a visitor's consent choices to the account they sign in to, whichever sign-in method they used: an
 * answer that hands a browser with a consent cookie a new session is a sign-in. Failing to attach never fails the
 * sign-in; the choices then attach at the person's next {@code /api/consent} call.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("vitrine-consent-on-sign-in")
public class ConsentOnSignIn implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentOnSignIn.class);

    private final ConsentService consent;
    private final SessionManager sessions;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public ConsentOnSignIn(@Reference ConsentService consent, @Reference SessionManager sessions) {
        this.consent = consent;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Map<String, Cookie> cookies = request.getCookies();
        Cookie cookie = cookies.get(VisitorCookie.NAME);
        String visitor = cookie == null ? null : VisitorCookie.valid(cookie.getValue());
        if (visitor == null) {
            return;
        }
        for (Session session : SignInResponses.signedIn(response, sessions)) {
            attach(visitor, session.accountId());
        }
    }

    private void attach(String visitor, long account) {
        try {
            consent.attachVisitor(visitor, account, servletRequest == null ? null : servletRequest.getRemoteAddr());
        } catch (RuntimeException e) {
            LOG.warn("Consent choices of a visitor could not be attached to account {} at sign-in: {}", account, e.getMessage());
        }
    }
}
