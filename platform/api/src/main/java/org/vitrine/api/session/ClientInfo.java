package org.vitrine.api.session;

/**
 * Who is at the other end of a request, as far as the server can tell.
 *
 * @param ip        the client address
 * @param userAgent the {@code User-Agent} header, shortened; may be {@code null}
 */
public record ClientInfo(String ip, String userAgent) {
    public ClientInfo {
        if (userAgent != null && userAgent.length() > 300) {
            userAgent = userAgent.substring(0, 300);
        }
    }
}
