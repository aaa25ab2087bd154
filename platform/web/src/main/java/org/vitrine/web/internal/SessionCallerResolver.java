package org.vitrine.web.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.CallerResolver;
import org.vitrine.api.security.Credentials;

/** Recognises a signed-in person by the session cookie. */
@Component
public class SessionCallerResolver implements CallerResolver {

    private final MemorySessionManager sessions;

    @Activate
    public SessionCallerResolver(@Reference MemorySessionManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Caller> resolve(Credentials credentials) {
        String id = credentials.cookies().get(sessions.cookieName());
        return sessions.find(id).map(s -> new Caller("account:" + s.accountId(), s.roles(), "session", s.accountId(), s.id()));
    }
}
