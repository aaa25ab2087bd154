package org.vitrine.core.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;
import org.vitrine.api.security.Caller;
import org.vitrine.core.audit.PersonalDataReads;
import org.vitrine.core.http.QueryParams;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/imports?before=&limit=}: every import job for admins, newest first, with who started it and
 * their rights confirmation (when, which version of the terms). {@code next}, when present, is the {@code before} of
 * the following page. Names of people are personal data: a page that shows some is recorded as a read of personal
 * data ({@link PersonalDataReads}).
 */
@Component(service = AdminImportsResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/imports")
public class AdminImportsResource {

    static final int MAX_LIMIT = 200;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, Long accountId, String accountName, String provider, String state, int total, int done,
                       int failed, Instant createdAt, Instant rightsConfirmedAt, String termsVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Item> items, Long next) {
    }

    private final ImportJobStore jobs;
    private final AccountStore accounts;
    private final PersonalDataReads reads;

    @Activate
    public AdminImportsResource(@Reference ImportJobStore jobs, @Reference AccountStore accounts, @Reference PersonalDataReads reads) {
        this.jobs = jobs;
        this.accounts = accounts;
        this.reads = reads;
    }

    @RolesAllowed("admin")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page page(@QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") String limit,
                     @Context SecurityContext security, @Context HttpServletRequest http) {
        int size = QueryParams.number("limit", limit, 1, MAX_LIMIT);
        // one more than asked tells whether a following page exists
        List<ImportJob> found = jobs.page(QueryParams.optionalNumber("before", before, 1, Long.MAX_VALUE), size + 1);
        Map<Long, String> names = new HashMap<>();
        List<Item> items = found.stream().limit(size).map(j -> item(j, names)).toList();
        Long next = found.size() > size ? items.get(items.size() - 1).id() : null;
        List<Long> named = items.stream().filter(i -> i.accountName() != null).map(Item::id).toList();
        if (!named.isEmpty()) {
            reads.record(Caller.of(security.getUserPrincipal()).orElse(null), http.getRemoteAddr(), "import-jobs",
                    named.size() + " import jobs with their starters' names (ids " + named.get(0) + " to " + named.get(named.size() - 1) + ")");
        }
        return new Page(items, next);
    }

    private Item item(ImportJob j, Map<Long, String> names) {
        Long account = j.accountId() == 0 ? null : j.accountId();
        String name = account == null ? null : names.computeIfAbsent(account,
                id -> accounts.byId(id).map(Account::displayName).orElse(null));
        return new Item(j.id(), account, name, j.provider(), j.state().name().toLowerCase(Locale.ROOT), j.total(), j.done(),
                j.failed(), j.createdAt(), j.rightsConfirmedAt(), j.termsVersion());
    }
}
