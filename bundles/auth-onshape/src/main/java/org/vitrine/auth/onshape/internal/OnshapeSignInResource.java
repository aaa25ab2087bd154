package org.vitrine.auth.onshape.internal;

import java.net.URI;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.security.Caller;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.onshape.client.SessionTokens;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/auth/onshape/start} sends the browser to Onshape; {@code GET /api/auth/onshape/callback} takes
 * it back, signs the person in and returns them to where they were (only ever a path of this site). Failures go
 * back to {@code /signin?error=<code>}, never to a stack trace.
 */
@Component(service = OnshapeSignInResource.class)
@JakartarsResource
@JSONRequired
@Path("auth/onshape")
public class OnshapeSignInResource {

    static final String STATE_COOKIE = "vitrine_onshape_state";
    private final OnshapeSignIn signIn;
    private final SessionManager sessions;
    private final boolean secure;

    @Activate
    public OnshapeSignInResource(BundleContext context, @Reference OnshapeSignIn signIn, @Reference SessionManager sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.secure = String.valueOf(context.getProperty("vitrine.public.url")).startsWith("https:");
    }

    @PermitAll
    @GET
    @Path("start")
    public Response start(@QueryParam("returnTo") String returnTo, @Context SecurityContext security) {
        Long linking = Caller.of(security.getUserPrincipal()).map(Caller::accountId).orElse(null);
        Map.Entry<String, URI> started = signIn.start(safeReturn(returnTo), linking);
        return Response.seeOther(started.getValue())
                .header("Set-Cookie", STATE_COOKIE + "=" + started.getKey() + "; Path=/api/auth/onshape; Max-Age=600; HttpOnly; SameSite=Lax"
                        + (secure ? "; Secure" : ""))
                .header("Cache-Control", "no-store")
                .build();
    }

    @PermitAll
    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error,
                             @CookieParam(STATE_COOKIE) String cookieState, @Context SecurityContext security,
                             @Context HttpServletRequest http) {
        String clearState = STATE_COOKIE + "=; Path=/api/auth/onshape; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
        ClientInfo client = new ClientInfo(http.getRemoteAddr(), http.getHeader("User-Agent"));
        try {
            OnshapeSignIn.Completed done = signIn.complete(state, cookieState, code, error, client);
            String previous = Caller.of(security.getUserPrincipal()).map(Caller::sessionId).orElse(null);
            Session session = sessions.signIn(done.account().id(), done.account().roles(), client, previous);
            SessionTokens.store(session, done.tokens());
            return Response.seeOther(URI.create(done.returnTo()))
                    .header("Set-Cookie", sessions.cookieHeader(session))
                    .header("Set-Cookie", clearState)
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (SignInRefused refused) {
            return Response.seeOther(URI.create("/signin?error=" + refused.code()))
                    .header("Set-Cookie", clearState)
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    /**
     * Only paths of this site: no scheme, no host, no protocol-relative or backslash tricks, and nothing a URI
     * cannot hold (anything else becomes "/").
     */
    static String safeReturn(String returnTo) {
        if (returnTo == null || returnTo.isEmpty() || returnTo.length() > 512 || !returnTo.startsWith("/")
                || returnTo.startsWith("//") || returnTo.contains("\\") || returnTo.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(returnTo);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? returnTo : "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }
}
