package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCredentialsTest {

    @TempDir
    Path folder;

    @Test
    void a_new_password_is_long_random_and_kept_in_a_file_only_its_owner_can_read() throws Exception {
        Path file = folder.resolve(DatabaseCredentials.FILE_NAME);
        DatabaseCredentials first = DatabaseCredentials.loadOrCreate(file);
        assertEquals("vitrine", first.user());
        assertTrue(first.password().matches("[A-Za-z0-9_-]{43}"), "256 random bits in base64url");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, DatabaseCredentials.loadOrCreate(file), "the next start reads the same password");
        assertNotEquals(first.password(), DatabaseCredentials.loadOrCreate(folder.resolve("other.properties")).password());
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void a_file_readable_by_others_is_restricted_and_an_unusable_one_replaced() throws Exception {
        Path file = folder.resolve(DatabaseCredentials.FILE_NAME);
        DatabaseCredentials kept = DatabaseCredentials.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(kept, DatabaseCredentials.loadOrCreate(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.writeString(file, "user = vitrine\npassword = short\n");
        DatabaseCredentials replaced = DatabaseCredentials.loadOrCreate(file);
        assertNotEquals("short", replaced.password());
        assertEquals(replaced, DatabaseCredentials.loadOrCreate(file));
    }

    @Test
    void the_server_is_given_the_password_s_native_hash_not_the_password() {
        // SELECT PASSWORD('pw2') on MariaDB 10.11
        assertEquals("*B27918D2D9402882CEADA0EF687D35FBDC137D72", new DatabaseCredentials("vitrine", "pw2").nativePasswordHash());
        DatabaseCredentials credentials = new DatabaseCredentials("vitrine", "A".repeat(43));
        String sql = EmbeddedGrants.statements(credentials);
        assertTrue(sql.contains(credentials.nativePasswordHash()), sql);
        assertTrue(!sql.contains(credentials.password()), "no password in the init file");
        assertTrue(!credentials.toString().contains(credentials.password()), "never printed");
    }
}
