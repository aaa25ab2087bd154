package org.vitrine.core.imports;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.cad.CadProvider;
import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;
import org.vitrine.core.accounts.PublishingRule;
import org.vitrine.core.http.PublicAddress;
import org.vitrine.core.terms.ImportTerms;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/imports} starts an import job from a provider's document ids ({@code {provider,
 * documentIds}}) or a pasted address ({@code {url}}), always with {@code rightsConfirmed: true}: the importer confirms
 * the right to share the documents publicly under the terms in force, whose version is stored with the job;
 * {@code GET /api/imports/{id}} shows its progress, to the
 * person who started it or an admin only; {@code POST /api/imports/{id}/retry} runs a finished job's failed
 * documents again (the same people; audited); {@code GET /api/imports} lists the caller's 20 most recent jobs.
 */
@Component(service = ImportsResource.class)
@JakartarsResource
@JSONRequired
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    static final int MAX_DOCUMENTS = 1000;
    static final int RECENT_JOBS = 20;

    public record Request(String provider, List<String> documentIds, String url, Boolean rightsConfirmed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String source, String state, String error, Long documentId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobView(long id, String provider, String state, String reason, int total, int done, int failed,
                          Instant createdAt, Instant updatedAt, List<ItemView> items, Instant rightsConfirmedAt,
                          String termsVersion) {
        /** Counters come from the items, so progress shows live while the job runs. */
        static JobView of(ImportJob j) {
            int done = (int) j.items().stream().filter(i -> i.state() == ImportJob.ItemState.DONE).count();
            int failed = (int) j.items().stream().filter(i -> i.state() == ImportJob.ItemState.FAILED).count();
            return new JobView(j.id(), j.provider(), j.state().name().toLowerCase(), j.reason(), j.items().size(), done, failed,
                    j.createdAt(), j.updatedAt(), j.items().stream().map(i -> new ItemView(i.sourceUrl() != null ? i.sourceUrl() : i.source(),
                            i.state().name().toLowerCase(), i.error(), i.documentId())).toList(),
                    j.rightsConfirmedAt(), j.termsVersion());
        }
    }

    public record JobList(List<JobView> items) {
    }

    private final CadProviders providers;
    private final ImportJobStore jobs;
    private final ImportJobRunner runner;
    private final ImportTerms terms;
    private final PublicAddress address;
    private final PublishingRule publishing;
    private final AuditLog audit;

    @Activate
    public ImportsResource(@Reference CadProviders providers, @Reference ImportJobStore jobs, @Reference ImportJobRunner runner,
                           @Reference ImportTerms terms, @Reference PublicAddress address, @Reference PublishingRule publishing,
                           @Reference AuditLog audit) {
        this.audit = audit;
        this.providers = providers;
        this.jobs = jobs;
        this.runner = runner;
        this.terms = terms;
        this.address = address;
        this.publishing = publishing;
    }

    @RolesAllowed("user")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Request request, @Context SecurityContext security) {
        Caller caller = signedIn(security);
        if (request == null || !Boolean.TRUE.equals(request.rightsConfirmed())) {
            throw DomainException.badRequest("Confirm that you have the right to share these documents publicly under the terms ("
                    + address.link("/terms") + "): send \"rightsConfirmed\": true.");
        }
        String termsVersion = terms.current().version();
        if (((request.url() == null || request.url().isBlank()) && (request.documentIds() == null || request.documentIds().isEmpty()))) {
            throw DomainException.badRequest("Send {\"url\": \"<document address>\"} or {\"provider\": \"onshape\", \"documentIds\": [...]}.");
        }
        CadProvider provider;
        List<ImportJobStore.Source> sources = new ArrayList<>();
        if (request.url() != null && !request.url().isBlank()) {
            DocumentRef ref = providers.recognise(request.url());
            provider = providers.find(ref.provider()).orElseThrow();
            sources.add(new ImportJobStore.Source(ref.externalId(), ref.sourceUrl()));
        } else {
            provider = providers.find(request.provider()).orElseThrow(() -> DomainException.badRequest(
                    "Unknown provider '" + request.provider() + "'; see GET /api/providers."));
            if (request.documentIds().size() > MAX_DOCUMENTS) {
                throw DomainException.badRequest("At most " + MAX_DOCUMENTS + " documents in one import.");
            }
            for (String id : request.documentIds()) {
                if (id == null || id.isBlank() || id.length() > 100 || !id.matches("[A-Za-z0-9_-]+")) {
                    throw DomainException.badRequest("'" + id + "' is not a document id.");
                }
                sources.add(new ImportJobStore.Source(id, null));
            }
        }
        if (provider.accessFor(caller.accountId(), caller.sessionId()).isEmpty()) {
            throw DomainException.conflict("Connect your " + provider.displayName() + " account first: sign in with "
                    + provider.displayName() + ".");
        }
        publishing.requireMayPublish(caller.accountId());
        ImportJob job = jobs.create(caller.accountId(), provider.id(), sources, termsVersion);
        runner.start(job);
        return Response.accepted(JobView.of(job)).location(URI.create("/api/imports/" + job.id())).build();
    }

    /** The caller's most recent jobs, newest first, so a page reload finds them again. */
    @RolesAllowed("user")
    @GET
    public JobList recent(@Context SecurityContext security) {
        Caller caller = signedIn(security);
        return new JobList(jobs.recentOf(caller.accountId(), RECENT_JOBS).stream().map(JobView::of).toList());
    }

    @RolesAllowed("user")
    @GET
    @Path("{id}")
    public JobView get(@PathParam("id") String id, @Context SecurityContext security) {
        return JobView.of(visible(id, signedInOrAdmin(security)));
    }

    /**
     * Runs the failed documents of a finished job again (202 with the job, now queued). 409 when the job is still
     * going on or nothing in it failed; 404 for a job that is not the caller's.
     */
    @RolesAllowed("user")
    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Caller caller = signedInOrAdmin(security);
        ImportJob job = visible(id, caller);
        String target = "import:" + job.id();
        if (job.state() != ImportJob.JobState.COMPLETED && job.state() != ImportJob.JobState.FAILED) {
            audit.append(new AuditEvent(Instant.now(), caller.name(), "import.retry", target, http.getRemoteAddr(), "refused", "not finished"));
            throw DomainException.conflict("This import is still going on; retry its failed documents once it has finished.");
        }
        int requeued = runner.retryFailed(job.id());
        if (requeued == 0) {
            audit.append(new AuditEvent(Instant.now(), caller.name(), "import.retry", target, http.getRemoteAddr(), "refused", "nothing failed"));
            throw DomainException.conflict("No document of this import failed, so there is nothing to retry.");
        }
        audit.append(new AuditEvent(Instant.now(), caller.name(), "import.retry", target, http.getRemoteAddr(), "success",
                requeued + " documents queued again"));
        return Response.accepted(JobView.of(jobs.find(job.id()).orElseThrow()))
                .location(URI.create("/api/imports/" + job.id())).build();
    }

    /** The job, when the caller started it or is an admin; otherwise 404, so others learn nothing of it. */
    private ImportJob visible(String id, Caller caller) {
        long jobId;
        try {
            jobId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("There is no import '" + id + "'.");
        }
        return jobs.find(jobId)
                .filter(j -> caller.has(Role.ADMIN) || (caller.accountId() != null && j.accountId() == caller.accountId()))
                .orElseThrow(() -> DomainException.notFound("There is no import '" + id + "' of yours."));
    }

    private static Caller signedInOrAdmin(SecurityContext security) {
        return Caller.of(security.getUserPrincipal())
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }

    private static Caller signedIn(SecurityContext security) {
        return Caller.of(security.getUserPrincipal()).filter(c -> c.accountId() != null)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
    }
}
