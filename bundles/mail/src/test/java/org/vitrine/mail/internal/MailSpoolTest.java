package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.mail.internal.MailSpool.Place;

class MailSpoolTest {

    private static final Instant NOW = Instant.parse("2026-11-26T15:04:05Z");
    private static final String EML = "Date: Thu, 26 Nov 2026 15:04:05 +0000\r\nFrom: Vitrine <v@example.org>\r\n"
            + "To: ann@example.org\r\nSubject: Hello\r\nX-Vitrine-Template: RESET_PASSWORD\r\n\r\nbody with a secret link\r\n";

    @TempDir
    Path dir;

    @Test
    void ids_carry_the_utc_time_and_are_unique() {
        String id = MailSpool.newId(NOW);
        assertTrue(id.startsWith("20261126T150405Z-"), id);
        assertTrue(MailSpool.validId(id));
        assertFalse(id.equals(MailSpool.newId(NOW)));
        assertFalse(MailSpool.validId("../../etc/passwd"));
        assertFalse(MailSpool.validId("20261126T150405Z-abc/../x"));
    }

    @Test
    void a_spooled_message_is_listed_with_its_recipient_and_template_but_not_its_body() throws Exception {
        MailSpool spool = new MailSpool(dir);
        String id = MailSpool.newId(NOW);
        spool.spool(id, EML.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(id), spool.outboxIds());
        MailSpool.Entry e = spool.entries().get(0);
        assertEquals(new MailSpool.Entry(id, Place.OUTBOX, "RESET_PASSWORD", "ann@example.org", 0, null, NOW, null), e);
        assertEquals(List.of(), leftovers(dir.resolve("outbox")), "no temporary file is left behind");
    }

    @Test
    void attempts_follow_the_message_to_failed_and_back() throws Exception {
        MailSpool spool = new MailSpool(dir);
        String id = MailSpool.newId(NOW);
        spool.spool(id, EML.getBytes(StandardCharsets.UTF_8));
        spool.recordAttempt(Place.OUTBOX, id, 3, "Connection refused", NOW.plusSeconds(60));
        assertTrue(spool.move(id, Place.OUTBOX, Place.FAILED));
        assertTrue(spool.outboxIds().isEmpty());
        MailSpool.Entry failed = spool.entry(Place.FAILED, id).orElseThrow();
        assertEquals(3, failed.attempts());
        assertEquals("Connection refused", failed.lastError());
        assertEquals(NOW.plusSeconds(60), failed.lastAttemptAt());
        assertTrue(spool.move(id, Place.FAILED, Place.OUTBOX));
        assertFalse(spool.move(id, Place.FAILED, Place.OUTBOX), "only once");
        assertTrue(spool.delete(Place.OUTBOX, id));
        assertTrue(spool.entries().isEmpty());
        assertEquals(List.of(), leftovers(dir.resolve("outbox")));
    }

    @Test
    void without_smtp_a_message_is_kept_in_the_mail_folder_itself() throws Exception {
        MailSpool spool = new MailSpool(dir);
        String id = MailSpool.newId(NOW);
        Path kept = spool.keep(id, EML.getBytes(StandardCharsets.UTF_8));
        assertEquals(dir.toAbsolutePath().resolve(id + ".eml"), kept);
        assertEquals(EML, Files.readString(kept));
        assertTrue(spool.entries().isEmpty(), "kept files are not waiting to be sent");
    }

    @Test
    void a_path_is_never_built_from_an_unchecked_id() throws Exception {
        MailSpool spool = new MailSpool(dir);
        assertThrows(IllegalArgumentException.class, () -> spool.delete(Place.FAILED, "../secret"));
        assertTrue(spool.message(Place.FAILED, MailSpool.newId(NOW)).isEmpty());
    }

    private static List<Path> leftovers(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
