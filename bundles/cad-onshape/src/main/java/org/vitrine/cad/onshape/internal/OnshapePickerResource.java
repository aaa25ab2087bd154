package org.vitrine.cad.onshape.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.cad.DocumentPage;
import org.vitrine.api.cad.Picture;
import org.vitrine.api.cad.ProviderAccess;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The import picker: {@code GET /api/providers/onshape/documents?q=&page=} lists the signed-in person's Onshape
 * documents, 20 a page; each thumbnail is streamed through Vitrine with their token and never stored.
 */
@Component(service = OnshapePickerResource.class)
@JakartarsResource
@JSONRequired
@Path("providers/onshape/documents")
public class OnshapePickerResource {

    public record Item(String id, String name, String owner, Instant modifiedAt, String thumbnailUrl) {
    }

    public record Page(List<Item> items, int page, boolean hasMore) {
    }

    private final OnshapeProvider onshape;

    @Activate
    public OnshapePickerResource(@Reference OnshapeProvider onshape) {
        this.onshape = onshape;
    }

    @RolesAllowed("user")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page list(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("0") String page,
                     @Context SecurityContext security) {
        int number;
        try {
            number = Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("'page' must be a whole number from 0.");
        }
        if (number < 0 || number > 10_000) {
            throw DomainException.badRequest("'page' must be between 0 and 10000.");
        }
        if (query != null && query.length() > 200) {
            throw DomainException.badRequest("'q' is longer than 200 characters.");
        }
        DocumentPage result = onshape.listDocuments(access(security), query, number);
        return new Page(result.items().stream().map(d -> new Item(d.externalId(), d.name(), d.ownerName(), d.modifiedAt(),
                d.hasThumbnail() ? "/api/providers/onshape/documents/" + d.externalId() + "/thumbnail" : null)).toList(),
                result.page(), result.hasMore());
    }

    @RolesAllowed("user")
    @GET
    @Path("{id}/thumbnail")
    public Response thumbnail(@PathParam("id") String id, @Context SecurityContext security) {
        Picture picture = onshape.thumbnail(access(security), id);
        return Response.ok(picture.bytes(), picture.contentType())
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    private ProviderAccess access(SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal()).filter(c -> c.accountId() != null)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
        // the picker lists the person's own documents: their token, never the instance's keys
        return onshape.accessFor(caller.accountId(), caller.sessionId()).filter(a -> a.sessionId() != null)
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT,
                        "Connect your Onshape account first: sign in with Onshape (GET /api/auth/onshape/start)."));
    }
}
