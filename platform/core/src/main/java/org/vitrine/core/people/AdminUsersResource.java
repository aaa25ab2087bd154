package org.vitrine.core.people;

import static org.vitrine.core.http.QueryParams.number;
import static org.vitrine.core.http.QueryParams.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountPage;
import org.vitrine.api.security.Caller;
import org.vitrine.core.audit.PersonalDataReads;
import org.vitrine.core.http.QueryParams;
import org.vitrine.core.identities.ConnectedProviders;
import org.vitrine.core.identities.IdentityView;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * People, for admins ({@code /api/admin} needs the admin role): {@code GET /api/admin/users?q=&page=&size=} finds
 * accounts by e-mail address or name, {@code GET /api/admin/users/{id}} shows one, {@code PUT .../roles} changes
 * its roles, {@code POST .../disable} and {@code .../enable} block or restore its sign-in. Every answer that shows
 * personal data is recorded as a read of personal data.
 */
@Component(service = AdminUsersResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    static final int MAX_SIZE = 100;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserItem(long id, String email, String displayName, List<String> roles, String status, Instant createdAt) {
    }

    public record UserPage(List<UserItem> items, long total, int page, int size) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserDetails(long id, String email, String displayName, String firstName, String lastName, String company,
                              List<String> roles, String status, Instant createdAt, Instant lastSignInAt, boolean hasPassword,
                              boolean twoFactorEnabled, List<IdentityView> identities, long importJobs,
                              long documentsImported, int liveSessions) {
    }

    public record RolesChange(List<String> roles) {
    }

    private final People people;
    private final ConnectedProviders connected;
    private final PersonalDataReads reads;

    @Activate
    public AdminUsersResource(@Reference People people, @Reference ConnectedProviders connected,
                              @Reference PersonalDataReads reads) {
        this.people = people;
        this.connected = connected;
        this.reads = reads;
    }

    @RolesAllowed("admin")
    @GET
    public UserPage list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") String page,
                         @QueryParam("size") @DefaultValue("25") String size, @Context SecurityContext security,
                         @Context HttpServletRequest http) {
        String text = text("q", q, 100);
        AccountPage found = people.search(text, number("page", page, 0, 100_000), number("size", size, 1, MAX_SIZE));
        if (!found.items().isEmpty()) {
            reads.record(caller(security), http.getRemoteAddr(), "accounts", "list of " + found.items().size()
                    + " accounts with e-mail addresses and names (page " + found.page() + (text == null ? "" : ", search '" + text + "'") + ")");
        }
        return new UserPage(found.items().stream().map(AdminUsersResource::item).toList(), found.total(), found.page(), found.size());
    }

    @RolesAllowed("admin")
    @GET
    @Path("{id}")
    public UserDetails details(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        UserDetails details = details(people.person(accountId(id)));
        reads.record(caller(security), http.getRemoteAddr(), "account:" + details.id(),
                "profile, roles, status, sign-in methods, connected providers, activity");
        return details;
    }

    @RolesAllowed("admin")
    @PUT
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserDetails roles(@PathParam("id") String id, RolesChange body, @Context SecurityContext security,
                             @Context HttpServletRequest http) {
        return details(people.setRoles(caller(security), accountId(id), body == null ? null : body.roles(), http.getRemoteAddr()));
    }

    @RolesAllowed("admin")
    @POST
    @Path("{id}/disable")
    public UserDetails disable(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        return details(people.disable(caller(security), accountId(id), http.getRemoteAddr()));
    }

    @RolesAllowed("admin")
    @POST
    @Path("{id}/enable")
    public UserDetails enable(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        return details(people.enable(caller(security), accountId(id), http.getRemoteAddr()));
    }

    private UserDetails details(Person p) {
        Account a = p.account();
        return new UserDetails(a.id(), a.email(), a.displayName(), a.firstName(), a.lastName(), a.company(), roles(a),
                status(a), a.createdAt(), p.activity().lastSignInAt(), p.hasPassword(), p.twoFactor(),
                p.identities().stream().map(connected::view).toList(), p.activity().importJobs(),
                p.activity().documentsImported(), p.liveSessions());
    }

    private static UserItem item(Account a) {
        return new UserItem(a.id(), a.email(), a.displayName(), roles(a), status(a), a.createdAt());
    }

    private static List<String> roles(Account a) {
        return a.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList();
    }

    private static String status(Account a) {
        return a.status().name().toLowerCase(Locale.ROOT);
    }

    private static long accountId(String id) {
        return QueryParams.pathId(id, "There is no account '" + id + "'.");
    }

    private static Caller caller(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).orElse(null);
    }
}
