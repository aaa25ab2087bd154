package org.vitrine.core.consent;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/consent}: the choices of the person at the other end, signed in (their account) or not (the visitor
 * id in their consent cookie, issued with their first choice or signal). A visitor's choices attach to the account
 * when they are signed in; a privacy signal the active policy honours is recorded once.
 */
@Component(service = ConsentResource.class)
@JakartarsResource
@JSONRequired
@Path("consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** Body of {@code PUT /api/consent}. */
    public record Choices(Map<String, Boolean> purposes, String source, String uiTextVersion) {
    }

    private static final Pattern TEXT_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final ConsentService consent;
    private final PrivacyNotice notice;
    private final boolean secure;

    @Activate
    public ConsentResource(BundleContext context, @Reference ConsentService consent, @Reference PrivacyNotice notice) {
        this.consent = consent;
        this.notice = notice;
        this.secure = String.valueOf(context.getProperty("vitrine.public.url")).startsWith("https:");
    }

    @PermitAll
    @GET
    public Response get(@CookieParam(VisitorCookie.NAME) String cookie, @HeaderParam("Sec-GPC") String gpc,
                        @Context SecurityContext security, @Context HttpServletRequest http) {
        Who who = who(cookie, security, http.getRemoteAddr());
        BrowserSignals signals = signals(gpc);
        if (who.subject == null && consent.activePolicy().map(p -> !p.impliedBy(signals).isEmpty()).orElse(false)) {
            who = who.newVisitor();
        }
        if (who.subject != null) {
            consent.applySignals(who.subject, signals, http.getRemoteAddr());
        }
        return answer(who, ConsentView.of(consent.state(who.subject), notice));
    }

    @PermitAll
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(Choices body, @CookieParam(VisitorCookie.NAME) String cookie, @HeaderParam("Sec-GPC") String gpc,
                        @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null || body.purposes() == null || body.purposes().isEmpty()) {
            throw DomainException.badRequest("Send {\"purposes\": {\"analytics\": true, ...}}, with an optional "
                    + "\"source\" (banner or settings) and \"uiTextVersion\".");
        }
        ConsentSource source = source(body.source());
        if (body.uiTextVersion() != null && !TEXT_VERSION.matcher(body.uiTextVersion()).matches()) {
            throw DomainException.badRequest("uiTextVersion must be 1 to 32 letters, digits, '.', '_' or '-'.");
        }
        Who who = who(cookie, security, http.getRemoteAddr());
        if (who.subject == null) {
            who = who.newVisitor();
        }
        consent.applySignals(who.subject, signals(gpc), http.getRemoteAddr());
        return answer(who, ConsentView.of(consent.decide(who.subject, body.purposes(), source, body.uiTextVersion(),
                http.getRemoteAddr()), notice));
    }

    /** The subject of a request; a visitor's choices attach to the account of a signed-in caller first. */
    private Who who(String cookie, SecurityContext security, String ip) {
        String visitor = VisitorCookie.valid(cookie);
        Long account = Caller.of(security.getUserPrincipal()).map(Caller::accountId).orElse(null);
        if (account != null && visitor != null) {
            consent.attachVisitor(visitor, account, ip);
        }
        return new Who(ConsentSubject.of(account, cookie), false);
    }

    private Response answer(Who who, ConsentView view) {
        Response.ResponseBuilder response = Response.ok(view).header("Cache-Control", "no-store");
        if (who.issued) {
            response.header("Set-Cookie", VisitorCookie.header(who.subject.visitorId(), secure));
        }
        return response.build();
    }

    private static ConsentSource source(String source) {
        if (source == null) {
            return ConsentSource.BANNER;
        }
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "banner" -> ConsentSource.BANNER;
            case "settings" -> ConsentSource.SETTINGS;
            default -> throw DomainException.badRequest("source must be banner or settings, was '" + source + "'.");
        };
    }

    private static BrowserSignals signals(String gpc) {
        return gpc == null ? BrowserSignals.NONE : new BrowserSignals(Map.of(BrowserSignals.SEC_GPC, gpc));
    }

    /** Whose choices these are, and whether this answer hands out a new visitor id. */
    private record Who(ConsentSubject subject, boolean issued) {
        Who newVisitor() {
            return new Who(ConsentSubject.visitor(VisitorCookie.newId()), true);
        }
    }
}
