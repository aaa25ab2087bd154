package org.vitrine.onshape.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.vitrine.api.identity.ProviderTokens;
import org.vitrine.api.identity.ReconnectRequired;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.Session;

/**
 * A person's Onshape tokens, kept in their server-side session only. The access token is refreshed when less
 * than a tenth of an hour is left (Onshape tokens last an hour) or when Onshape answers 401; the rotated
 * refresh token replaces the old one at once. One refresh at a time per session, so a rotated token is never
 * used twice. When Onshape refuses the grant (a refresh refused, or a 401 right after a refresh) the tokens are
 * dropped from the session and the person is asked to reconnect ({@link ReconnectRequired}).
 */
public final class SessionTokens implements TokenSource {

    static final Duration REFRESH_BEFORE = Duration.ofMinutes(6);
    private static final String ATTRIBUTE = ProviderTokens.attributeFor(OnshapeOAuth.PROVIDER);

    private final Session session;
    private final OnshapeOAuth oauth;
    private final Clock clock;

    public SessionTokens(Session session, OnshapeOAuth oauth, Clock clock) {
        this.session = session;
        this.oauth = oauth;
        this.clock = clock;
    }

    /** Whether the session holds Onshape tokens. */
    public static boolean present(Session session) {
        return current(session).isPresent();
    }

    public static void store(Session session, ProviderTokens tokens) {
        session.setAttribute(ATTRIBUTE, tokens);
    }

    public static void forget(Session session) {
        session.removeAttribute(ATTRIBUTE);
    }

    private static Optional<ProviderTokens> current(Session session) {
        return session.attribute(ATTRIBUTE, ProviderTokens.class);
    }

    @Override
    public String accessToken() {
        synchronized (session) {
            ProviderTokens tokens = current(session).orElseThrow(SessionTokens::notConnected);
            if (tokens.expiresAt().minus(REFRESH_BEFORE).isBefore(clock.instant()) && tokens.refreshToken() != null) {
                tokens = refresh(tokens);
            }
            return tokens.accessToken();
        }
    }

    @Override
    public String refreshed() {
        synchronized (session) {
            ProviderTokens tokens = current(session).orElseThrow(SessionTokens::notConnected);
            if (tokens.refreshToken() == null) {
                throw rejected();
            }
            return refresh(tokens).accessToken();
        }
    }

    /** Drops the dead tokens from the session and tells the person to reconnect. */
    @Override
    public ReconnectRequired rejected() {
        forget(session);
        return revoked();
    }

    private ProviderTokens refresh(ProviderTokens tokens) {
        try {
            ProviderTokens fresh = oauth.refresh(tokens.refreshToken());
            store(session, fresh);
            return fresh;
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.UNAUTHORIZED) {
                throw refused; // Onshape could not be reached: the tokens may still be good
            }
            // the grant was revoked at Onshape: the person must connect again, nothing to retry
            throw rejected();
        }
    }

    /** The answer when Onshape no longer accepts the person's grant. */
    public static ReconnectRequired revoked() {
        return new ReconnectRequired(OnshapeOAuth.PROVIDER, "Onshape");
    }

    static DomainException notConnected() {
        return new DomainException(DomainException.Kind.CONFLICT,
                "Connect your Onshape account first: sign in with Onshape (GET /api/auth/onshape/start).");
    }
}
