package org.vitrine.core.http;

import org.vitrine.api.session.ClientInfo;

import jakarta.servlet.http.HttpServletRequest;

/** Who sent a request, as the audit log and the session list record it. */
public final class Clients {

    private Clients() {
    }

    /**
     * The client's address (the visitor behind a trusted proxy, resolved beneath the servlets) and its user agent.
     */
    public static ClientInfo of(HttpServletRequest http) {
        return new ClientInfo(http.getRemoteAddr(), http.getHeader("User-Agent"));
    }
}
