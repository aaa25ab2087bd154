package org.vitrine.core.catalog;

import static org.vitrine.core.http.QueryParams.number;
import static org.vitrine.core.http.QueryParams.pathId;
import static org.vitrine.core.http.QueryParams.text;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.documents.Designer;
import org.vitrine.api.documents.DesignerPage;
import org.vitrine.api.documents.DesignerQuery;
import org.vitrine.api.documents.DesignerStore;
import org.vitrine.api.problem.DomainException;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/designers?q=&page=&size=}: the people credited on public documents, by name, each with the
 * number of their public documents; {@code GET /api/designers/{id}}: one of them (their documents come from
 * {@code GET /api/documents?designer={id}}). A designer credited on no public document is not shown; avatar and
 * company only as {@link PublicDesigners} allows.
 */
@Component(service = DesignersResource.class)
@JakartarsResource
@JSONRequired
@Path("designers")
@Produces(MediaType.APPLICATION_JSON)
public class DesignersResource {

    static final int MAX_SIZE = 100;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, String name, String avatarUrl, long documentCount) {
    }

    public record Page(List<Item> items, long total, int page, int size) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(long id, String name, String avatarUrl, String company, String provider, long documentCount) {
    }

    private final DesignerStore designers;
    private final PublicDesigners shown;

    @Activate
    public DesignersResource(@Reference DesignerStore designers, @Reference PublicDesigners shown) {
        this.designers = designers;
        this.shown = shown;
    }

    @PermitAll
    @GET
    public Page list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") String page,
                     @QueryParam("size") @DefaultValue("24") String size) {
        DesignerPage result = designers.search(new DesignerQuery(text("q", q, 100), number("page", page, 0, 100_000),
                number("size", size, 1, MAX_SIZE)));
        return new Page(shown.shown(result.items()).stream().map(d -> new Item(d.id(), d.name(), d.avatarUrl(), d.documentCount())).toList(),
                result.total(), result.page(), result.size());
    }

    @PermitAll
    @GET
    @Path("{id}")
    public Profile get(@PathParam("id") String id) {
        String unknown = "There is no designer '" + id + "'.";
        Designer d = shown.shown(designers.find(pathId(id, unknown)).orElseThrow(() -> DomainException.notFound(unknown)));
        return new Profile(d.id(), d.name(), d.avatarUrl(), d.company(), d.provider(), d.documentCount());
    }
}
