package org.vitrine.cad.onshape.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.problem.DomainException;
import org.vitrine.onshape.client.OnshapeApi;
import org.vitrine.onshape.client.OnshapeConfig;
import org.vitrine.onshape.client.OnshapeUrls;
import org.vitrine.onshape.client.TokenSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fetches one Onshape document with its workspaces, versions and elements, and names the previews to keep:
 * the document thumbnail in the sizes Onshape offers (300x170 and 600x340 when offered) and a 300x170 thumbnail
 * of each part studio and assembly. Unknown fields are ignored (Onshape adds fields and polymorphic types).
 */
final class OnshapeDocuments {

    static final List<String> DOCUMENT_SIZES = List.of("300x170", "600x340");
    private static final Set<String> ELEMENTS_WITH_THUMBNAILS = Set.of("PARTSTUDIO", "ASSEMBLY");
    private final OnshapeApi api;
    private final OnshapeConfig config;

    OnshapeDocuments(OnshapeApi api, OnshapeConfig config) {
        this.api = api;
        this.config = config;
    }

    FetchedDocument fetch(TokenSource tokens, DocumentRef ref) {
        String did = ref.externalId();
        if (!did.matches("[0-9a-f]{24}")) {
            throw DomainException.badRequest("Onshape document ids are 24 lowercase hexadecimal characters.");
        }
        JsonNode doc = api.get("/documents/" + did, tokens);
        String workspace = doc.path("defaultWorkspace").path("id").asText(null);
        List<FetchedDocument.Workspace> workspaces = new ArrayList<>();
        for (JsonNode w : array(api.get("/documents/d/" + did + "/workspaces", tokens))) {
            workspaces.add(new FetchedDocument.Workspace(w.path("id").asText(), w.path("name").asText(), w.path("microversion").asText(null),
                    instant(w.path("createdAt")), instant(w.path("modifiedAt"))));
        }
        List<FetchedDocument.Version> versions = new ArrayList<>();
        for (JsonNode v : array(api.get("/documents/d/" + did + "/versions", tokens))) {
            versions.add(new FetchedDocument.Version(v.path("id").asText(), v.path("name").asText(), text(v, "description"),
                    v.path("microversion").asText(null), v.path("creator").path("name").asText(null), instant(v.path("createdAt"))));
        }
        List<FetchedDocument.Element> elements = new ArrayList<>();
        List<FetchedDocument.PreviewSource> previews = new ArrayList<>();
        if (workspace != null && workspace.matches("[0-9a-f]{24}")) {
            for (JsonNode e : array(api.get("/documents/d/" + did + "/w/" + workspace + "/elements", tokens))) {
                String type = e.path("elementType").asText("UNKNOWN");
                String eid = e.path("id").asText();
                elements.add(new FetchedDocument.Element(eid, e.path("name").asText(), type));
                if (ELEMENTS_WITH_THUMBNAILS.contains(type) && eid.matches("[0-9a-f]{24}")) {
                    previews.add(new FetchedDocument.PreviewSource(eid, "300x170",
                            "/thumbnails/d/" + did + "/w/" + workspace + "/e/" + eid + "/s/300x170"));
                }
            }
            for (String size : offeredSizes(doc)) {
                previews.add(0, new FetchedDocument.PreviewSource(null, size, "/thumbnails/d/" + did + "/w/" + workspace + "/s/" + size));
            }
        }
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.asText()));
        return new FetchedDocument(new DocumentRef(ref.provider(), did, OnshapeUrls.documentUrl(config, did, workspace)),
                doc.path("name").asText(), text(doc, "description"), doc.path("owner").path("name").asText(null),
                instant(doc.path("createdAt")), instant(doc.path("modifiedAt")), workspace, tags, elements, workspaces, versions,
                designers(doc), previews);
    }

    private static List<FetchedDocument.Designer> designers(JsonNode doc) {
        Map<String, FetchedDocument.Designer> byRole = new LinkedHashMap<>();
        JsonNode owner = doc.path("owner");
        // an owner may be a company or team: only people are designers
        if (owner.path("type").asInt(0) == 0 && owner.hasNonNull("id")) {
            byRole.put("owner", new FetchedDocument.Designer(owner.path("id").asText(), owner.path("name").asText(), "owner"));
        }
        for (String[] field : new String[][] {{"createdBy", "creator"}, {"modifiedBy", "modifier"}}) {
            JsonNode user = doc.path(field[0]);
            if (user.hasNonNull("id")) {
                byRole.put(field[1], new FetchedDocument.Designer(user.path("id").asText(), user.path("name").asText(), field[1]));
            }
        }
        return List.copyOf(byRole.values());
    }

    private static List<String> offeredSizes(JsonNode doc) {
        List<String> offered = new ArrayList<>();
        doc.path("thumbnail").path("sizes").forEach(s -> offered.add(s.path("size").asText()));
        List<String> sizes = new ArrayList<>();
        for (String size : DOCUMENT_SIZES) {
            if (offered.isEmpty() || offered.contains(size)) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node.isArray() ? node : node.path("items");
    }

    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
