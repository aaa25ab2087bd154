package org.vitrine.it.echo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/echo/sign-in?email=...} (header {@code X-Echo-Secret}): signs the account with that
 * address in as the simplest sign-in method would, through {@link SessionManager#signIn} and nothing else. It answers
 * 404 unless {@code signin.secret} is set in {@code config/echo.properties} and sent. The answer's {@code state} says
 * whether the session waits for the second factor ({@code awaiting-second-factor}) or is signed in ({@code signed-in}).
 */
@Component(service = EchoSignInResource.class, configurationPid = "org.vitrine.it.echo")
@JakartarsResource
@Path("echo/sign-in")
public class EchoSignInResource {

    // the PID's metatype is EchoResource's; this reads its own key all the same
    @ObjectClassDefinition(name = "Echo sign-in")
    @interface Settings {
        String signin_secret() default "";
    }

    private final AccountStore accounts;
    private final SessionManager sessions;
    private volatile String secret;

    @Activate
    public EchoSignInResource(@Reference AccountStore accounts, @Reference SessionManager sessions, Settings settings) {
        this.accounts = accounts;
        this.sessions = sessions;
        modified(settings);
    }

    @Modified
    void modified(Settings settings) {
        this.secret = settings.signin_secret();
    }

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(@QueryParam("email") String email, @HeaderParam("X-Echo-Secret") String given,
                           @Context HttpServletRequest http) {
        String expected = secret;
        if (expected == null || expected.isEmpty() || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Account account = accounts.byEmail(email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (account == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Session session = sessions.signIn(account.id(), account.roles(), new ClientInfo(http.getRemoteAddr(), "echo"), null);
        // written by hand: this plugin brings no JSON library
        return Response.ok("{\"state\": \"" + (session.awaitingSecondFactor() ? "awaiting-second-factor" : "signed-in") + "\"}")
                .header("Set-Cookie", sessions.cookieHeader(session))
                .build();
    }
}
