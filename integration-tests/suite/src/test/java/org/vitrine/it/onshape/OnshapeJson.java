package org.vitrine.it.onshape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies of the fake's REST API, shaped after the schemas of Onshape's OpenAPI description
 * (the contract rejects any property a schema does not list). {@code href}s point at the fake.
 */
final class OnshapeJson {

    /** Onshape writes times with milliseconds and an offset, e.g. {@code 2024-05-01T10:00:00.000+00:00}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();
    private final String api;

    /** @param api the fake's API base, e.g. {@code http://127.0.0.1:4711/api/v16} */
    OnshapeJson(String api) {
        this.api = api;
    }

    /**
     * {@code BTUserOAuth2SummaryInfo}. The schema requires a {@code jsonType}; the value is the key under which
     * the description's discriminator mapping lists this type (its class name). Clients should not depend on it.
     */
    ObjectNode sessionInfo(FakeUser user) {
        ObjectNode info = mapper.createObjectNode()
                .put("jsonType", "BTUserOAuth2SummaryInfo")
                .put("id", user.id())
                .put("href", api + "/users/" + user.id())
                .put("name", user.name())
                .put("firstName", user.firstName())
                .put("lastName", user.lastName())
                .put("email", user.email())
                .put("image", user.image());
        if (user.companyId() != null) {
            info.putObject("company").put("id", user.companyId()).put("name", user.companyName());
        }
        return info;
    }

    /** {@code BTUserBasicSummaryInfo}, as in {@code createdBy} and {@code modifiedBy}. */
    ObjectNode user(FakeUser user) {
        return mapper.createObjectNode()
                .put("jsonType", "user-summary")
                .put("id", user.id())
                .put("href", api + "/users/" + user.id())
                .put("name", user.name())
                .put("image", user.image());
    }

    /** {@code BTOwnerInfo}; type 0 is a user. */
    ObjectNode owner(FakeUser user) {
        return mapper.createObjectNode()
                .put("id", user.id())
                .put("href", api + "/users/" + user.id())
                .put("name", user.name())
                .put("image", user.image())
                .put("type", 0);
    }

    /**
     * {@code BTDocumentInfo} ({@code jsonType} "document") or, in lists, {@code BTGlobalTreeNodeSummaryInfo}
     * ("document-summary"); the fields used here belong to both.
     */
    ObjectNode document(FakeDocument document, String jsonType) {
        FakeDocument.Workspace main = document.defaultWorkspace();
        ObjectNode node = mapper.createObjectNode()
                .put("jsonType", jsonType)
                .put("resourceType", "document")
                .put("id", document.id())
                .put("href", api + "/documents/" + document.id())
                .put("name", document.name())
                .put("description", document.description())
                .put("createdAt", time(document.createdAt()))
                .put("modifiedAt", time(document.modifiedAt()))
                .put("public", document.isPublic());
        node.set("owner", owner(document.owner()));
        node.set("createdBy", user(document.createdBy()));
        node.set("modifiedBy", user(document.modifiedBy()));
        ArrayNode tags = node.putArray("tags");
        document.tags().forEach(tags::add);
        node.set("defaultWorkspace", workspace(document, main));
        node.set("thumbnail", thumbnail(api + "/thumbnails/d/" + document.id() + "/w/" + main.id(),
                main.microversion()));
        return node;
    }

    /** {@code BTGlobalTreeNodeListResponse}. */
    ObjectNode documentPage(List<FakeDocument> page, String href, String next, String previous) {
        ObjectNode list = mapper.createObjectNode().put("href", href);
        if (next != null) {
            list.put("next", next);
        }
        if (previous != null) {
            list.put("previous", previous);
        }
        ArrayNode items = list.putArray("items");
        page.forEach(document -> items.add(document(document, "document-summary")));
        return list;
    }

    /** {@code BTWorkspaceInfo}. */
    ObjectNode workspace(FakeDocument document, FakeDocument.Workspace workspace) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", workspace.id())
                .put("href", api + "/documents/d/" + document.id() + "/workspaces/" + workspace.id())
                .put("name", workspace.name())
                .put("documentId", document.id())
                .put("microversion", workspace.microversion())
                .put("isReadOnly", false)
                .put("createdAt", time(document.createdAt()))
                .put("modifiedAt", time(document.modifiedAt()));
        node.set("creator", user(document.createdBy()));
        node.set("lastModifier", user(document.modifiedBy()));
        return node;
    }

    /** {@code BTVersionInfo}. */
    ObjectNode version(FakeDocument document, FakeDocument.Version version) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", version.id())
                .put("href", api + "/documents/d/" + document.id() + "/versions/" + version.id())
                .put("name", version.name())
                .put("description", version.description())
                .put("documentId", document.id())
                .put("microversion", version.microversion())
                .put("createdAt", time(version.createdAt()))
                .put("modifiedAt", time(version.createdAt()));
        node.set("creator", user(document.modifiedBy()));
        return node;
    }

    /** {@code BTDocumentElementInfo}; thumbnails only when asked for and the element is in a workspace or version. */
    ObjectNode element(FakeDocument document, FakeDocument.Element element, String wvm, String wvmId,
                       boolean withThumbnails) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", element.id())
                .put("name", element.name())
                .put("elementType", element.type().name())
                .put("type", element.type().prettyType)
                .put("dataType", element.type().dataType)
                .put("microversionId", document.defaultWorkspace().microversion())
                .put("lengthUnits", "millimeter")
                .put("angleUnits", "degree")
                .put("massUnits", "kilogram");
        if (withThumbnails && !"m".equals(wvm)) {
            String href = api + "/thumbnails/d/" + document.id() + "/" + wvm + "/" + wvmId + "/e/" + element.id();
            node.put("thumbnails", href);
            node.set("thumbnailInfo", thumbnail(href, wvmId));
        }
        return node;
    }

    /** {@code BTFeatureStudioContents-2239}. */
    ObjectNode featureStudio(FakeDocument.Element element, String microversion) {
        return mapper.createObjectNode()
                .put("btType", "BTFeatureStudioContents-2239")
                .put("contents", element.featureScript())
                .put("sourceMicroversion", microversion)
                .put("rejectMicroversionSkew", false)
                .put("microversionSkew", false);
    }

    /** {@code BTMicroversionInfo}. */
    ObjectNode microversion(String microversion) {
        return mapper.createObjectNode().put("microversion", microversion);
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** {@code BTThumbnailInfo}: one entry per size Onshape renders, each with its own {@code href}. */
    private ObjectNode thumbnail(String href, String cacheKey) {
        ObjectNode node = mapper.createObjectNode().put("id", cacheKey).put("href", href);
        ArrayNode sizes = node.putArray("sizes");
        for (String size : Thumbnails.SIZES) {
            sizes.addObject()
                    .put("size", size)
                    .put("href", href + "/s/" + size + "?t=" + cacheKey)
                    .put("mediaType", "image/png");
        }
        return node;
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
