package org.vitrine.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PreviewEntry;
import org.vitrine.api.documents.Takedown;
import org.vitrine.api.problem.DomainException;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * How a stored preview is answered, from the one row that {@link org.vitrine.api.documents.PreviewStore} found:
 * its ETag decides a 304 without opening the file, and a taken-down document's preview answers 410 at once,
 * whichever address asked for it.
 * <p>
 * Versioned addresses, {@code /api/previews/{blobKey}/{version}}, name the image's content (the version is
 * derived from its ETag), so they may be kept for a year and never revalidated: new content gets a new address.
 */
final class PreviewAnswers {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** What the document addresses ({@code /api/documents/{id}/previews/{size}}) promised before: an hour. */
    static final String HOUR = "public, max-age=3600";
    private static final int VERSION_LENGTH = 20;

    private final DocumentStore documents;
    private final BlobStore blobs;

    PreviewAnswers(DocumentStore documents, BlobStore blobs) {
        this.documents = documents;
        this.blobs = blobs;
    }

    /** The versioned address of this image: changes exactly when its content (its ETag) does. */
    static String url(BlobInfo blob) {
        return "/api/previews/" + blob.key().value() + "/" + version(blob.etag());
    }

    /** A short URL-safe digest of the ETag (any blob store's tag, whatever characters it uses). */
    static String version(String etag) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(etag.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The answer for a versioned address: the image, or a redirect to its current address when the content
     * changed since the address was given out (the old bytes are gone).
     */
    Response versioned(Optional<PreviewEntry> found, String version, String ifNoneMatch) throws IOException {
        PreviewEntry preview = shown(found, "There is no such preview.");
        if (!version(preview.blob().etag()).equals(version)) {
            return Response.temporaryRedirect(URI.create(url(preview.blob()))).header("Cache-Control", "no-cache").build();
        }
        return image(preview.blob(), IMMUTABLE, ifNoneMatch);
    }

    /** The answer for a document's address, kept for links made before versioned addresses existed. */
    Response current(Optional<PreviewEntry> found, String notFound, String ifNoneMatch) throws IOException {
        return image(shown(found, notFound).blob(), HOUR, ifNoneMatch);
    }

    private PreviewEntry shown(Optional<PreviewEntry> found, String notFound) {
        PreviewEntry preview = found.orElseThrow(() -> DomainException.notFound(notFound));
        if (preview.status() == DocumentStatus.DISABLED) {
            // a rare answer: reading the public reason costs a second statement only here
            String reason = documents.takedown(preview.documentId()).map(Takedown::reason).orElse(null);
            throw new DomainException(DomainException.Kind.GONE, "This document was taken down." + (reason == null ? "" : " " + reason));
        }
        return preview;
    }

    private Response image(BlobInfo blob, String cacheControl, String ifNoneMatch) throws IOException {
        EntityTag etag = new EntityTag(blob.etag().replace("\"", ""));
        if (matches(ifNoneMatch, blob.etag())) {
            return Response.notModified(etag).header("Cache-Control", cacheControl).build();
        }
        InputStream content = blobs.open(blob.key()).orElseThrow(() -> DomainException.notFound("The preview file is missing."));
        return Response.ok(content, blob.contentType()).tag(etag).header("Cache-Control", cacheControl)
                .header("Content-Length", blob.size()).build();
    }

    /** {@code If-None-Match} holds {@code *} or a comma-separated list of tags, possibly weak ({@code W/"..."}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
