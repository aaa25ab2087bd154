package org.vitrine.core.search;

import java.time.Instant;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.search.SearchStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/admin/search}: what the search index is doing (ready, rebuilding with its progress, unavailable);
 * {@code POST /api/admin/search/reindex}: rebuilds it from the database in the background (202), searches going
 * to the database meanwhile. Without a search module the database answers searches and there is nothing to
 * rebuild (409).
 */
@Component(service = SearchAdminResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/search")
public class SearchAdminResource {

    /**
     * @param engine  {@code lucene}, or {@code database} when no search module is on
     * @param state   ready, rebuilding or unavailable
     * @param started on a reindex: whether this request started the rebuild (false: one was running)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String engine, String state, long indexed, long toIndex, Instant since, String reason,
                         Boolean started) {

        static Status of(SearchStatus s, Boolean started) {
            return new Status(s.engine(), s.state().name().toLowerCase(Locale.ROOT), s.indexed(), s.toIndex(),
                    s.since(), s.reason(), started);
        }
    }

    private final IndexedSearch search;

    @Activate
    public SearchAdminResource(@Reference IndexedSearch search) {
        this.search = search;
    }

    @RolesAllowed("admin")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        return search.status().map(s -> Status.of(s, null))
                .orElseGet(() -> new Status("database", "ready", 0, 0, null,
                        "no search module is on: the database's full-text search answers searches", null));
    }

    @RolesAllowed("admin")
    @POST
    @Path("reindex")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reindex() {
        Boolean started = search.rebuild().orElseThrow(() -> DomainException.conflict(
                "No search module is on: searches use the database, which has no index to rebuild."));
        SearchStatus now = search.status().orElseThrow(() -> DomainException.conflict("The search module was just switched off."));
        return Response.accepted(Status.of(now, started)).build();
    }
}
