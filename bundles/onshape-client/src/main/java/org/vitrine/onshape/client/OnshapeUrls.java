package org.vitrine.onshape.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vitrine.api.problem.DomainException;

/**
 * Recognises Onshape document addresses ({@code /documents/{did}}, optionally followed by {@code /w/}, {@code /v/}
 * or {@code /m/} and an id, then {@code /e/} and an element id, with any query) without any network call.
 * Only addresses on the configured Onshape host, with the configured scheme, are taken; user info, odd ports
 * and malformed ids are refused. Nothing is ever fetched from an address a person typed: the document id is
 * taken out and the configured API host is called.
 */
public final class OnshapeUrls {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern PATH = Pattern.compile(
            "/documents/([^/]+)(?:/([wvm])/([^/]+)(?:/e/([^/]+))?)?/?");

    private OnshapeUrls() {
    }

    /** A recognised document address. */
    public record DocumentUrl(String documentId, String wvm, String wvmId, String elementId) {
    }

    /**
     * @return the document, or empty when the address is not on the configured host
     * @throws DomainException BAD_REQUEST when it is on that host but not a well-formed document address
     */
    public static Optional<DocumentUrl> parse(String raw, OnshapeConfig config) {
        if (raw == null || raw.isBlank() || raw.length() > 2048) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw DomainException.badRequest("Addresses with a user name or password in them are refused.");
        }
        if (!config.documentOrigins().contains(OnshapeConfig.origin(uri))) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!m.matches()) {
            throw DomainException.badRequest("This is not the address of an Onshape document: expected "
                    + config.apiUrl() + "/documents/<24-character id>/w/<workspace id>.");
        }
        String did = m.group(1);
        if (!ID.matcher(did).matches() || (m.group(3) != null && !ID.matcher(m.group(3)).matches())
                || (m.group(4) != null && !ID.matcher(m.group(4)).matches())) {
            throw DomainException.badRequest("Onshape ids are 24 lowercase hexadecimal characters; this address has a malformed id.");
        }
        return Optional.of(new DocumentUrl(did, m.group(2), m.group(3), m.group(4)));
    }

    /** The address a person opens the document at. */
    public static String documentUrl(OnshapeConfig config, String documentId, String workspaceId) {
        String base = config.apiUrl().toString().replaceAll("/$", "") + "/documents/" + documentId;
        return workspaceId == null ? base : base + "/w/" + workspaceId;
    }
}
