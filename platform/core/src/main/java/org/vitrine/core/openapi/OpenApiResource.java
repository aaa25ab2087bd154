package org.vitrine.core.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0 description of Vitrine's whole REST API, kept beside this class
 * ({@code openapi.json}) and checked against the code and real answers by the integration suite. Served with a
 * strong ETag; clients revalidate ({@code no-cache}), so a new version shows at once.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JSONRequired
@Path("openapi.json")
public class OpenApiResource {

    private final byte[] description;
    private final EntityTag etag;

    public OpenApiResource() {
        try (InputStream in = Objects.requireNonNull(OpenApiResource.class.getResourceAsStream("openapi.json"), "openapi.json")) {
            description = in.readAllBytes();
            etag = new EntityTag(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(description), 0, 16));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the OpenAPI description", e);
        }
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@HeaderParam("If-None-Match") String ifNoneMatch) {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + etag.getValue() + "\"") || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified(etag).cacheControl(cache).build();
        }
        return Response.ok(description, MediaType.APPLICATION_JSON_TYPE).tag(etag).cacheControl(cache).build();
    }
}
