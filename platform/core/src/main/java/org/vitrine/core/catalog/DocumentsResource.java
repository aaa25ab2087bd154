package org.vitrine.core.catalog;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.PreviewEntry;
import org.vitrine.api.documents.PreviewStore;
import org.vitrine.api.documents.Takedown;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Public documents: {@code GET /api/documents/{id}} (no sign-in needed; 410 once taken down, with the short public
 * reason; {@code canEdit} tells whether the caller may change it, as its importer or an admin) and its stored
 * previews at {@code /api/documents/{id}/previews/{size}}, served from Vitrine's own copy with a strong ETag,
 * never from the provider, in one indexed lookup. The document answer links its previews at their versioned,
 * long-cached addresses ({@link PreviewsResource}).
 */
@Component(service = DocumentsResource.class)
@JakartarsResource
@JSONRequired
@Path("documents/{id}")
public class DocumentsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ElementView(String id, String name, String type, String thumbnailUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DesignerView(long id, String name, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentView(long id, String provider, String name, String description, String owner, String sourceUrl,
                               String licence, Instant createdAt, Instant modifiedAt, Instant updatedAt, List<String> tags,
                               List<ElementView> elements, List<FetchedDocument.Workspace> workspaces,
                               List<FetchedDocument.Version> versions, List<DesignerView> designers, Map<String, String> previews,
                               boolean canEdit) {
    }

    private final DocumentStore documents;
    private final PreviewStore previews;
    private final PreviewAnswers answers;

    @Activate
    public DocumentsResource(@Reference DocumentStore documents, @Reference PreviewStore previews, @Reference BlobStore blobs) {
        this.documents = documents;
        this.previews = previews;
        this.answers = new PreviewAnswers(documents, blobs);
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DocumentView get(@PathParam("id") String id, @Context SecurityContext security) {
        PublishedDocument d = visible(id);
        boolean canEdit = EditRights.mayEdit(Caller.of(security.getUserPrincipal()).orElse(null), d);
        Map<String, String> previews = new LinkedHashMap<>();
        d.previews().stream().filter(p -> p.elementExternalId() == null)
                .forEach(p -> previews.put(p.size(), PreviewAnswers.url(p.blob())));
        List<ElementView> elements = d.elements().stream().map(e -> new ElementView(e.externalId(), e.name(), e.type(),
                d.previews().stream().filter(p -> e.externalId().equals(p.elementExternalId()) && p.size().equals("300x170"))
                        .findFirst().map(p -> PreviewAnswers.url(p.blob())).orElse(null))).toList();
        return new DocumentView(d.id(), d.provider(), d.name(), d.description(), d.ownerName(), d.sourceUrl(), d.licence(),
                d.createdAt(), d.modifiedAt(), d.updatedAt(), d.tags(), elements, d.workspaces(), d.versions(),
                d.designers().stream().map(c -> new DesignerView(c.designerId(), c.name(), c.role())).toList(), previews,
                canEdit);
    }

    @PermitAll
    @GET
    @Path("previews/{size}")
    public Response preview(@PathParam("id") String id, @PathParam("size") String size, @QueryParam("element") String element,
                            @HeaderParam("If-None-Match") String ifNoneMatch) throws IOException {
        String notFound = "There is no " + size + " preview of document " + id + (element == null ? "." : " for that element.");
        Optional<PreviewEntry> found = documentId(id).flatMap(documentId -> previews.of(documentId, size, element));
        return answers.current(found, notFound, ifNoneMatch);
    }

    private static Optional<Long> documentId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private PublishedDocument visible(String id) {
        long documentId = documentId(id).orElseThrow(() -> DomainException.notFound("There is no document '" + id + "'."));
        PublishedDocument d = documents.find(documentId).orElseThrow(() -> DomainException.notFound("There is no document " + id + "."));
        if (d.status() == DocumentStatus.DISABLED) {
            String reason = documents.takedown(documentId).map(Takedown::reason).orElse(null);
            throw new DomainException(DomainException.Kind.GONE, "This document was taken down." + (reason == null ? "" : " " + reason));
        }
        return d;
    }
}
