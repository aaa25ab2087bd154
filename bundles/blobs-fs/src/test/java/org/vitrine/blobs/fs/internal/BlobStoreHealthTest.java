package org.vitrine.blobs.fs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.health.HealthCheck;
import org.vitrine.api.health.HealthStatus;

class BlobStoreHealthTest {

    @TempDir
    Path data;

    @Test
    void a_writable_folder_with_room_is_up_and_says_how_much_is_free() {
        HealthCheck check = new BlobStoreHealth(data.resolve("blobs"), 1).check();

        assertEquals(HealthStatus.UP, check.status(), check.toString());
        assertTrue(check.detail().endsWith("MB free"), check.detail());
        assertTrue(Files.isDirectory(data.resolve("blobs")), "made on first probe");
    }

    @Test
    void a_folder_that_refuses_writes_is_degraded_with_a_plain_reason() throws Exception {
        Path blobs = Files.writeString(data.resolve("blobs"), "not a folder");

        HealthCheck check = new BlobStoreHealth(blobs, 0).check();

        assertEquals(HealthStatus.DEGRADED, check.status(), check.toString());
        assertEquals("blobs", check.id());
        assertTrue(check.detail().contains("refuses writes"), check.detail());
        assertFalse(check.detail().contains(data.toString()) || check.detail().contains("/"), check.detail());
    }

    @Test
    void less_free_space_than_the_setting_is_degraded_naming_the_setting_and_none_is_never() {
        HealthCheck short_ = new BlobStoreHealth(data, Long.MAX_VALUE / (1024 * 1024)).check();
        assertEquals(HealthStatus.DEGRADED, short_.status(), short_.toString());
        assertTrue(short_.detail().contains("health.free.space.min.mb"), short_.detail());
        assertFalse(short_.detail().contains(data.toString()), short_.detail());

        assertEquals(HealthStatus.UP, new BlobStoreHealth(data, 0).check().status());
    }
}
