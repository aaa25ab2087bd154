package org.vitrine.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.CallerResolver;
import org.vitrine.api.security.Credentials;
import org.vitrine.api.security.Role;

/**
 * Recognises the operations token ({@code VITRINE_ADMIN_TOKEN}, handed over by the launcher) sent as a
 * bearer token. With no token configured it recognises nobody, so admin endpoints stay closed.
 */
@Component(service = CallerResolver.class)
public class AdminTokenResolver implements CallerResolver {

    /** Framework property through which the launcher hands over the configured token. */
    public static final String TOKEN_PROPERTY = "vitrine.admin.token";
    static final Caller OPS = new Caller("ops-token", Set.of(Role.ADMIN), "admin-token");

    private final byte[] token;

    @Activate
    public AdminTokenResolver(BundleContext context) {
        this(context.getProperty(TOKEN_PROPERTY));
    }

    AdminTokenResolver(String configured) {
        this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<Caller> resolve(Credentials credentials) {
        if (token == null) {
            return Optional.empty();
        }
        return credentials.bearerToken()
                .filter(sent -> MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8)))
                .map(sent -> OPS);
    }
}
