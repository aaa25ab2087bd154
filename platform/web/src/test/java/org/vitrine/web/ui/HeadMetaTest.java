package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.StoredPreview;

class HeadMetaTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";

    static PublishedDocument document(long id, String name, String description, List<StoredPreview> previews) {
        return new PublishedDocument(id, "onshape", "abc", name, description, "Owner", Instant.EPOCH, Instant.EPOCH, null,
                null, "CC-BY-4.0", DocumentStatus.PUBLIC, 1L, Instant.EPOCH, List.of(), List.of(), List.of(), List.of(),
                List.of(new PublishedDocument.DesignerCredit(3, "u1", "Ada \"the\" Designer", "owner", null)), previews);
    }

    static StoredPreview preview(String size) {
        return new StoredPreview(null, size, new BlobInfo(new BlobKey("a".repeat(64)), "image/png", 10, "\"e\""));
    }

    @Test
    void a_document_head_carries_opengraph_and_twitter_tags_with_the_absolute_large_preview() {
        String html = HeadMeta.of(document(42, "Gearbox", "A small gearbox.", List.of(preview("300x170"), preview("600x340"))),
                "https://designs.example.org").toHtml();
        assertTrue(html.contains("<title>Gearbox · Vitrine</title>"), html);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Gearbox\">"), html);
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://designs.example.org/api/documents/42/previews/600x340\">"), html);
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://designs.example.org/d/42\">"), html);
        assertTrue(html.contains("<meta property=\"og:type\" content=\"website\">"), html);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"), html);
        assertTrue(html.contains("<meta name=\"description\" content=\"A small gearbox.\">"), html);
    }

    @Test
    void names_and_descriptions_from_outside_are_escaped_everywhere() {
        String html = HeadMeta.of(document(7, XSS, "\"><script>alert(2)</script>", List.of(preview("600x340"))), "http://localhost:8080").toHtml();
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("\"><"), html);
        assertTrue(html.contains("<title>&lt;img src=x onerror=alert(1)&gt; · Vitrine</title>"), html);
        assertTrue(html.contains("content=\"&lt;img src=x onerror=alert(1)&gt;\""), html);
    }

    @Test
    void without_a_description_the_designers_are_named_and_escaped() {
        String html = HeadMeta.of(document(7, "Bracket", " ", List.of()), "http://localhost:8080").toHtml();
        assertTrue(html.contains("content=\"A design by Ada &quot;the&quot; Designer, published on Vitrine.\""), html);
        assertFalse(html.contains("og:image\""), "no preview, no image: " + html);
        assertTrue(html.contains("content=\"summary\""), html);
    }

    @Test
    void long_descriptions_are_shortened_at_a_word() {
        String html = HeadMeta.of(document(7, "Bracket", "word ".repeat(100), List.of()), "http://localhost:8080").toHtml();
        assertTrue(html.contains("word word…\""), html);
    }

    @Test
    void the_generic_head_has_no_link_preview_tags() {
        String html = HeadMeta.generic().toHtml();
        assertTrue(html.startsWith("<title>Vitrine</title>"), html);
        assertFalse(html.contains("og:"), html);
    }
}
