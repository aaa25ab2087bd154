package org.vitrine.it.onshape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import org.vitrine.it.onshape.FakeDocument.ElementType;

/** The fake's documents: listing and paging, one document in depth, thumbnails, refusals, recording. */
@Timeout(60)
class FakeOnshapeDocumentsTest {

    private final FakeOnshape onshape = FakeOnshape.start();
    private final OnshapeHttp http = new OnshapeHttp(onshape);
    private final String token = onshape.grantAccessToken();

    @AfterEach
    void stop() {
        onshape.close();
    }

    @Test
    void listing_45_documents_takes_three_pages_linked_by_next() {
        List<String> seeded = onshape.seedDocuments(45);
        onshape.addDocument(FakeDocument.named("Someone else's").owner(FakeUser.named("Bob", "Builder")));

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String page = "/documents?filter=0&limit=20";
        while (page != null) {
            HttpResponse<String> response = http.get(page, token);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = OnshapeHttp.json(response);
            body.path("items").forEach(item -> {
                assertEquals("document-summary", item.path("jsonType").asText());
                listed.add(item.path("id").asText());
            });
            pageSizes.add(body.path("items").size());
            page = body.hasNonNull("next") ? body.path("next").asText() : null;
            assertTrue(page == null || page.startsWith(onshape.apiBaseUri() + "/documents?"), page);
        }
        assertEquals(List.of(20, 20, 5), pageSizes);
        assertEquals(seeded, listed, "newest first, each once, and only mine");
        assertEquals(3, onshape.apiCallsPerPath().get("/api/v16/documents"));
    }

    @Test
    void searching_by_name_and_listing_public_documents() {
        onshape.seedDocuments(3);
        String gearbox = onshape.addDocument(FakeDocument.named("Planetary Gearbox"));
        String shared = onshape.addDocument(FakeDocument.named("Open Hinge").owner(FakeUser.named("Bob", "B"))
                .publiclyVisible());

        JsonNode found = OnshapeHttp.json(http.get("/documents?q=gearbox", token));
        assertEquals(1, found.path("items").size());
        assertEquals(gearbox, found.path("items").get(0).path("id").asText());
        assertFalse(found.has("next"));

        JsonNode publicOnes = OnshapeHttp.json(http.get("/documents?filter=4", token));
        assertEquals(shared, publicOnes.path("items").get(0).path("id").asText());
    }

    @Test
    void a_document_shows_its_people_workspaces_versions_and_elements() {
        FakeUser ada = onshape.signedInUser();
        FakeUser bob = FakeUser.named("Bob", "Builder");
        String did = onshape.addDocument(FakeDocument.named("Gearbox").description("Two-stage reducer")
                .owner(ada).createdBy(ada).modifiedBy(bob).tags("gears", "metal")
                .workspace("Main").workspace("Experiment")
                .version("V1", "First release").version("V2", "Lighter housing"));
        FakeDocument seeded = onshape.document(did);
        String wid = seeded.defaultWorkspace().id();

        JsonNode document = OnshapeHttp.json(http.get("/documents/" + did, token));
        assertEquals("document", document.path("jsonType").asText());
        assertEquals("Gearbox", document.path("name").asText());
        assertEquals("Two-stage reducer", document.path("description").asText());
        assertEquals(ada.id(), document.path("owner").path("id").asText());
        assertEquals(ada.name(), document.path("createdBy").path("name").asText());
        assertEquals(bob.id(), document.path("modifiedBy").path("id").asText());
        assertTrue(document.path("modifiedBy").path("image").isTextual());
        assertEquals(wid, document.path("defaultWorkspace").path("id").asText());
        assertEquals("[\"gears\",\"metal\"]", document.path("tags").toString());
        assertFalse(document.path("public").asBoolean());
        assertTrue(document.path("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00"));
        JsonNode sizes = document.path("thumbnail").path("sizes");
        assertEquals(4, sizes.size());
        assertEquals("image/png", sizes.get(0).path("mediaType").asText());

        JsonNode workspaces = OnshapeHttp.json(http.get("/documents/d/" + did + "/workspaces", token));
        assertEquals(List.of("Main", "Experiment"), names(workspaces));
        JsonNode versions = OnshapeHttp.json(http.get("/documents/d/" + did + "/versions", token));
        assertEquals(List.of("V1", "V2"), names(versions));
        assertEquals("Lighter housing", versions.get(1).path("description").asText());

        JsonNode elements = OnshapeHttp.json(http.get("/documents/d/" + did + "/w/" + wid + "/elements", token));
        Set<String> types = new HashSet<>();
        elements.forEach(e -> types.add(e.path("elementType").asText()));
        assertEquals(Set.of("PARTSTUDIO", "ASSEMBLY", "DRAWING", "FEATURESTUDIO"), types);
        String vid = seeded.versions().get(0).id();
        assertEquals(4, OnshapeHttp.json(http.get("/documents/d/" + did + "/v/" + vid + "/elements", token)).size());

        String studio = seeded.firstElement(ElementType.FEATURESTUDIO).id();
        JsonNode source = OnshapeHttp.json(http.get("/featurestudios/d/" + did + "/w/" + wid + "/e/" + studio, token));
        assertTrue(source.path("contents").asText().startsWith("FeatureScript"));
        JsonNode microversion = OnshapeHttp.json(http.get("/documents/d/" + did + "/w/" + wid
                + "/currentmicroversion", token));
        assertEquals(seeded.defaultWorkspace().microversion(), microversion.path("microversion").asText());
    }

    @Test
    void thumbnails_are_real_pngs_that_differ_by_document_and_size() throws IOException {
        String first = onshape.addDocument(FakeDocument.named("First"));
        String second = onshape.addDocument(FakeDocument.named("Second"));
        JsonNode sizes = OnshapeHttp.json(http.get("/documents/" + first, token)).path("thumbnail").path("sizes");

        List<byte[]> images = new ArrayList<>();
        for (JsonNode size : sizes) {
            HttpResponse<byte[]> image = http.image(size.path("href").asText(), token);
            assertEquals(200, image.statusCode());
            assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertEquals(size.path("size").asText(), decoded.getWidth() + "x" + decoded.getHeight());
            images.add(image.body());
        }
        assertEquals(4, images.stream().map(Arrays::hashCode).distinct().count());

        String secondWorkspace = onshape.document(second).defaultWorkspace().id();
        byte[] other = http.image("/thumbnails/d/" + second + "/w/" + secondWorkspace + "/s/300x170", token).body();
        assertFalse(Arrays.equals(images.get(0), other), "another document, another image");

        FakeDocument document = onshape.document(first);
        String element = document.firstElement(ElementType.PARTSTUDIO).id();
        HttpResponse<byte[]> elementImage = http.image("/thumbnails/d/" + first + "/w/"
                + document.defaultWorkspace().id() + "/e/" + element + "/s/600x340", token);
        assertEquals(200, elementImage.statusCode());
        assertArrayEquals(elementImage.body(), http.image("/thumbnails/d/" + first + "/w/"
                + document.defaultWorkspace().id() + "/e/" + element + "/s/600x340", token).body(), "stable");
        assertEquals(401, http.image(sizes.get(0).path("href").asText(), null).statusCode(),
                "thumbnails need the token");
        onshape.takeViolations(); // the anonymous call broke the contract on purpose
    }

    @Test
    void an_unreadable_document_is_403_and_an_absent_one_404() {
        String secret = onshape.addDocument(FakeDocument.named("Secret").owner(FakeUser.named("Eve", "E"))
                .unreadable());
        HttpResponse<String> forbidden = http.get("/documents/" + secret, token);
        assertEquals(403, forbidden.statusCode());
        assertEquals(403, OnshapeHttp.json(forbidden).path("status").asInt());
        assertEquals(403, http.get("/documents/d/" + secret + "/workspaces", token).statusCode());

        HttpResponse<String> absent = http.get("/documents/" + onshape.unknownDocumentId(), token);
        assertEquals(404, absent.statusCode());
        assertEquals(404, OnshapeHttp.json(absent).path("status").asInt());

        String gone = onshape.addDocument(FakeDocument.named("Gone soon"));
        onshape.removeDocument(gone);
        assertEquals(404, http.get("/documents/" + gone, token).statusCode());
        onshape.refuseAccess(secret, false);
        assertEquals(200, http.get("/documents/" + secret, token).statusCode());
    }

    @Test
    void every_request_is_recorded_with_its_query_and_headers() {
        assertTrue(onshape.requests().isEmpty(), "nothing was sent yet");
        http.get("/documents?q=a%20b&limit=5", token);

        RecordedRequest request = onshape.apiRequests().get(0);
        assertEquals("GET", request.method());
        assertEquals("/api/v16/documents", request.path());
        assertEquals("a b", request.queryParam("q").orElseThrow());
        assertEquals("5", request.queryParam("limit").orElseThrow());
        assertEquals("Bearer " + token, request.header("Authorization").orElseThrow());
        assertEquals(OnshapeHttp.ACCEPT_JSON, request.header("accept").orElseThrow());
        assertEquals(1, onshape.apiCalls());
        onshape.forgetRequests();
        assertEquals(0, onshape.apiCalls());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path("name").asText()));
        return names;
    }
}
