package org.vitrine.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vitrine.api.blob.BlobInfo;
import org.vitrine.api.blob.BlobKey;

class PreviewAnswersTest {

    private static final BlobKey KEY = BlobKey.derive("onshape", "doc", "", "300x170");

    @Test
    void the_versioned_address_names_the_key_and_changes_exactly_with_the_content() {
        String one = PreviewAnswers.url(new BlobInfo(KEY, "image/png", 10, "\"aaa\""));
        assertTrue(one.matches("/api/previews/" + KEY.value() + "/[0-9a-f]{20}"), one);
        assertEquals(one, PreviewAnswers.url(new BlobInfo(KEY, "image/jpeg", 99, "\"aaa\"")), "only the content (its ETag) counts");
        assertNotEquals(one, PreviewAnswers.url(new BlobInfo(KEY, "image/png", 10, "\"bbb\"")));
        assertTrue(PreviewAnswers.version("W/\"any / odd ? chars\"").matches("[0-9a-f]{20}"), "any blob store's tag gives a safe path");
    }

    @Test
    void if_none_match_accepts_lists_weak_tags_and_any() {
        assertTrue(PreviewAnswers.matches("\"a\", W/\"x\"", "\"x\""));
        assertTrue(PreviewAnswers.matches("*", "\"x\""));
        assertFalse(PreviewAnswers.matches("\"y\"", "\"x\""));
        assertFalse(PreviewAnswers.matches(null, "\"x\""));
    }
}
