package org.vitrine.launcher;

import java.net.URI;

import org.vitrine.api.net.TrustedProxies;

/**
 * Platform settings after layering (system property {@code vitrine.<key>} &gt; environment
 * {@code VITRINE_<KEY>} &gt; {@code config/vitrine.properties} &gt; built-in default) and validation.
 *
 * @param port             HTTP port
 * @param bindAddress      address the HTTP server listens on
 * @param publicUrl        the address people use to reach Vitrine (behind a proxy, the proxy's)
 * @param layout           folders
 * @param dbUrl            JDBC URL of an external MariaDB; empty means the embedded one
 * @param dbUser           user for the external database
 * @param dbPassword       its password
 * @param embeddedDbPort   port of the embedded database; 0 picks a free one
 * @param adminToken       the operations token that opens admin endpoints; empty keeps them closed
 * @param secretKey        base64 key that seals secrets at rest; empty means data/secret.key (generated)
 * @param trustedProxies   the reverse proxies whose forwarding headers are believed; {@link TrustedProxies#NONE}
 *                         by default
 * @param proxyHeaders     which forwarding headers they send: {@code x-forwarded} (X-Forwarded-For and
 *                         X-Forwarded-Proto) or {@code forwarded} (RFC 7239); the other kind is ignored
 * @param lifecycle        the stop's grace period and the embedded database's restart limits
 */
public record Settings(int port, String bindAddress, URI publicUrl, Layout layout, String dbUrl, String dbUser,
                       String dbPassword, int embeddedDbPort, String adminToken, String secretKey,
                       TrustedProxies trustedProxies, String proxyHeaders,
                       LifecycleSettings lifecycle, BackupSettings backup) {

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    /** The address the launcher itself uses to reach the HTTP server (loopback when bound to all). */
    public String localBaseUrl() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    @Override
    public String toString() {
        // never print secrets
        return "Settings[port=" + port + ", bindAddress=" + bindAddress + ", publicUrl=" + publicUrl + ", data="
                + layout.data() + ", db=" + (embeddedDatabase() ? "embedded" : "external") + ", trustedProxies=" + trustedProxies + "]";
    }
}
