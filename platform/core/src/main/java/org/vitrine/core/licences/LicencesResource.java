package org.vitrine.core.licences;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.documents.LicenceUsage;
import org.vitrine.api.problem.DomainException;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/licences}: the SPDX licences a document may have, and the one new documents get; with
 * {@code ?inUse=true} only those public documents have (for a catalog filter). Both carry an ETag (304 on
 * {@code If-None-Match}); the full list may be kept for five minutes, the in-use list is revalidated each time.
 */
@Component(service = LicencesResource.class)
@JakartarsResource
@JSONRequired
@Path("licences")
public class LicencesResource {

    static final String FULL_LIST_CACHE = "public, max-age=300";
    static final String IN_USE_CACHE = "no-cache";

    public record Answer(@JsonProperty("default") String defaultLicence, List<SpdxLicences.Licence> licences) {
    }

    private final Licences licences;
    private final LicenceUsage usage;

    @Activate
    public LicencesResource(@Reference Licences licences, @Reference LicenceUsage usage) {
        this.licences = licences;
        this.usage = usage;
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("inUse") String inUse, @Context Request request) {
        if (inUse != null && !inUse.equals("true") && !inUse.equals("false")) {
            throw DomainException.badRequest("'inUse' must be true or false, not '" + inUse + "'.");
        }
        boolean onlyInUse = "true".equals(inUse);
        List<SpdxLicences.Licence> all = licences.spdx().all();
        List<SpdxLicences.Licence> listed = all;
        if (onlyInUse) {
            Set<String> used = usage.licencesInUse();
            listed = all.stream().filter(l -> used.contains(l.id())).toList();
        }
        Answer answer = new Answer(licences.defaultLicence(), listed);
        EntityTag etag = new EntityTag(tag(answer));
        String cache = onlyInUse ? IN_USE_CACHE : FULL_LIST_CACHE;
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header("Cache-Control", cache).build();
        }
        return Response.ok(answer).tag(etag).header("Cache-Control", cache).build();
    }

    /** A digest of what the answer says: the default and the ids listed (names are fixed by the shipped list). */
    private static String tag(Answer answer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(answer.defaultLicence().getBytes(StandardCharsets.UTF_8));
            for (SpdxLicences.Licence l : answer.licences()) {
                sha.update((byte) 0);
                sha.update(l.id().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
