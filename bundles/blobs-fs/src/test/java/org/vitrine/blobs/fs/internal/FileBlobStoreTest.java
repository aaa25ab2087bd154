package org.vitrine.blobs.fs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.blob.BlobKey;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void stored_content_comes_back_with_its_type_and_a_content_etag() throws Exception {
        var store = new FileBlobStore(root);
        BlobKey key = BlobKey.derive("onshape", "doc1", "300x170");
        byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
        var info = store.put(key, "image/png", new ByteArrayInputStream(png));
        assertEquals(png.length, info.size());
        assertEquals(info, store.info(key).orElseThrow());
        try (InputStream in = store.open(key).orElseThrow()) {
            assertArrayEquals(png, in.readAllBytes());
        }
        var other = store.put(key, "image/png", new ByteArrayInputStream("changed".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(info.etag(), other.etag());
    }

    @Test
    void files_live_under_the_root_named_by_the_key_only() throws Exception {
        var store = new FileBlobStore(root);
        BlobKey key = BlobKey.derive("../../etc/passwd");
        store.put(key, "text/plain", new ByteArrayInputStream(new byte[] {1}));
        try (var files = Files.walk(root)) {
            assertTrue(files.filter(Files::isRegularFile).allMatch(f -> f.startsWith(root)
                    && f.getFileName().toString().startsWith(key.value())));
        }
    }

    @Test
    void deleting_removes_content_and_a_missing_blob_is_empty() throws Exception {
        var store = new FileBlobStore(root);
        BlobKey key = BlobKey.derive("x");
        store.put(key, "text/plain", new ByteArrayInputStream(new byte[] {1, 2}));
        assertTrue(store.delete(key));
        assertFalse(store.info(key).isPresent());
        assertFalse(store.open(key).isPresent());
        assertFalse(store.delete(key));
    }

    @Test
    void keys_not_made_of_64_hex_characters_and_bad_media_types_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new BlobKey("../secret"));
        var store = new FileBlobStore(root);
        assertThrows(IllegalArgumentException.class,
                () -> store.put(BlobKey.derive("y"), "text/plain\nX-Evil: 1", new ByteArrayInputStream(new byte[0])));
    }
}
