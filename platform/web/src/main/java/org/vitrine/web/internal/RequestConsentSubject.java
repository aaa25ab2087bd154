package org.vitrine.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.session.Session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whose consent applies to a plain servlet request (outside the REST application, e.g. the app shell): the account of
 * its session cookie, else the visitor of its consent cookie, as {@link ConsentSubject#of} decides.
 */
@Component(service = RequestConsentSubject.class)
public class RequestConsentSubject {

    private final MemorySessionManager sessions;

    @Activate
    public RequestConsentSubject(@Reference MemorySessionManager sessions) {
        this.sessions = sessions;
    }

    /** The subject, or {@code null} for someone who decided nothing (no session, no consent cookie). */
    public ConsentSubject of(HttpServletRequest request) {
        String session = cookie(request, sessions.cookieName());
        Long account = session == null ? null : sessions.find(session).map(Session::accountId).orElse(null);
        return ConsentSubject.of(account, cookie(request, ConsentSubject.COOKIE));
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
