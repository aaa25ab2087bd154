package org.vitrine.core.catalog;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PreviewEntry;
import org.vitrine.api.documents.PreviewStore;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/previews/{blobKey}/{version}}: a preview at the address the catalog and the document answers
 * give, named by its content, so browsers and caches keep it for a year without asking again. One indexed
 * lookup per request, which also refuses the previews of a taken-down document at once.
 */
@Component(service = PreviewsResource.class)
@JakartarsResource
@JSONRequired
@Path("previews/{key}/{version}")
public class PreviewsResource {

    private final PreviewStore previews;
    private final PreviewAnswers answers;

    @Activate
    public PreviewsResource(@Reference PreviewStore previews, @Reference DocumentStore documents, @Reference BlobStore blobs) {
        this.previews = previews;
        this.answers = new PreviewAnswers(documents, blobs);
    }

    @PermitAll
    @GET
    public Response preview(@PathParam("key") String key, @PathParam("version") String version,
                            @HeaderParam("If-None-Match") String ifNoneMatch) throws IOException {
        Optional<PreviewEntry> found;
        try {
            found = previews.byBlobKey(new BlobKey(key));
        } catch (IllegalArgumentException notAKey) {
            found = Optional.empty();
        }
        return answers.versioned(found, version, ifNoneMatch);
    }
}
