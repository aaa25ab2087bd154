package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;
import org.vitrine.api.security.Role;

/** Who gets mail: checked before anything is rendered or written (no SMTP server here: messages become files). */
class MailServiceTest {

    @TempDir
    Path dir;

    private final Map<Long, Account> accounts = new HashMap<>();
    private final Set<Long> allowMarketing = new java.util.HashSet<>();
    private final List<Collection<Long>> consentQuestions = new ArrayList<>();
    private MailService mail;

    @AfterEach
    void stop() {
        if (mail != null) {
            mail.deactivate();
        }
    }

    @Test
    void marketing_goes_only_to_an_account_whose_consent_allows_it() throws Exception {
        mail = service();
        account(1, AccountStatus.ACTIVE);
        account(2, AccountStatus.ACTIVE);
        allowMarketing.add(1L);
        assertTrue(mail.send(newsletter(1L)));
        assertFalse(mail.send(newsletter(2L)), "no consent");
        assertFalse(mail.send(newsletter(null)), "no account: nobody's consent");
        assertEquals(List.of(Set.of(1L), Set.of(2L)), consentQuestions);
        assertEquals(1, files());
    }

    @Test
    void transactional_mail_needs_no_consent_but_an_active_account() throws Exception {
        mail = service();
        account(1, AccountStatus.ACTIVE);
        account(2, AccountStatus.DISABLED);
        account(3, AccountStatus.DELETED);
        assertTrue(mail.send(reset(1L)));
        assertTrue(mail.send(reset(null)), "an address without an account (yet)");
        assertFalse(mail.send(reset(2L)), "disabled");
        assertFalse(mail.send(reset(3L)), "deleted");
        assertFalse(mail.send(reset(4L)), "erased");
        assertTrue(consentQuestions.isEmpty(), "the necessary purpose asks nobody");
        assertEquals(2, files());
    }

    @Test
    void deleting_an_account_deletes_its_messages_kept_waiting_or_failed_and_those_to_its_address() throws Exception {
        mail = service();
        account(1, AccountStatus.ACTIVE);
        account(2, AccountStatus.ACTIVE);
        assertTrue(mail.send(reset(1L)));
        assertTrue(mail.send(new Letter(1L, "OLD.address@example.org", MailTemplate.EMAIL_CHANGED,
                Map.of("name", "P", "newEmail", "person@example.org"))));
        assertTrue(mail.send(reset(null)), "to the address, for no account");
        assertTrue(mail.send(new Letter(2L, "someone.else@example.org", MailTemplate.RESET_PASSWORD,
                Map.of("name", "S", "link", "https://v.example/reset-password?token=y", "minutes", "30"))));
        Path failed = dir.resolve("failed");
        try (Stream<Path> kept = Files.list(dir)) {
            Path changed = kept.filter(f -> f.toString().endsWith(".eml") && contains(f, "EMAIL_CHANGED")).findFirst().orElseThrow();
            Files.move(changed, failed.resolve(changed.getFileName()));
            Files.writeString(failed.resolve(changed.getFileName().toString().replace(".eml", ".state")), "attempts=6\n");
        }
        assertEquals(3, files());

        assertEquals(3, mail.eraseMessagesFor(1L, "person@example.org"));

        assertEquals(1, files(), "only the other person's message is left");
        try (Stream<Path> left = Files.list(failed)) {
            assertEquals(0, left.count(), "the failed message went with its attempts");
        }
        try (Stream<Path> left = Files.list(dir)) {
            Path other = left.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertTrue(Files.readString(other).contains("someone.else@example.org"));
        }
    }

    @Test
    void messages_of_an_account_deleted_while_the_module_was_off_are_deleted_at_its_start() throws Exception {
        mail = service();
        account(1, AccountStatus.ACTIVE);
        account(2, AccountStatus.ACTIVE);
        assertTrue(mail.send(reset(1L)));
        assertTrue(mail.send(reset(2L)));
        assertTrue(mail.send(reset(null)));
        mail.deactivate();
        account(2, AccountStatus.DELETED);

        mail = service();

        assertEquals(2, files(), "the message for the deleted account is gone; the others stay");
    }

    @Test
    void kept_and_failed_messages_older_than_the_spool_retention_are_deleted() throws Exception {
        mail = service();
        assertTrue(mail.send(reset(null)));
        assertTrue(mail.send(reset(null)));
        try (Stream<Path> kept = Files.list(dir)) {
            Path first = kept.filter(f -> f.toString().endsWith(".eml")).sorted().findFirst().orElseThrow();
            Files.move(first, dir.resolve("failed").resolve("20200101T000000Z-0123456789ab.eml"));
        }
        Files.writeString(dir.resolve("failed/20200101T000000Z-0123456789ab.state"), "attempts=6\n");
        assertEquals(0, mail.removeExpiredMessages(Instant.parse("2020-01-30T23:59:59Z")), "not yet 30 days old");
        assertEquals(1, mail.removeExpiredMessages(Instant.parse("2020-01-31T00:00:01Z")), "the 2020 message is 30 days old");
        assertEquals(0, mail.removeExpiredMessages(Instant.now()), "the recent message stays");
        try (Stream<Path> left = Files.list(dir.resolve("failed"))) {
            assertEquals(0, left.count());
        }
        assertEquals(1, files());
    }

    private MailService service() throws Exception {
        AccountStore store = proxy(AccountStore.class, (name, args) -> name.equals("byId")
                ? Optional.ofNullable(accounts.get((Long) args[0])) : null);
        ConsentService consent = proxy(ConsentService.class, (name, args) -> {
            if (!name.equals("accountsAllowing")) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<Long> ids = (Collection<Long>) args[0];
            consentQuestions.add(Set.copyOf(ids));
            assertEquals(Purpose.MARKETING, args[1]);
            return Set.copyOf(ids.stream().filter(allowMarketing::contains).toList());
        });
        AuditLog audit = proxy(AuditLog.class, (name, args) -> null);
        MailSettings defaults = (MailSettings) Proxy.newProxyInstance(MailSettings.class.getClassLoader(),
                new Class<?>[] {MailSettings.class}, (p, method, args) -> method.getDefaultValue());
        return new MailService(dir, defaults, store, consent, audit);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }

    private void account(long id, AccountStatus status) {
        accounts.put(id, new Account(id, "person" + id + "@example.org", "Person " + id, null, null, null, null, status,
                Set.of(Role.USER), Instant.now()));
    }

    private static Letter newsletter(Long account) {
        return new Letter(account, "person@example.org", MailTemplate.NEWSLETTER,
                Map.of("name", "P", "subject", "News", "body", "Hello", "link", "https://v.example/privacy/settings"));
    }

    private static Letter reset(Long account) {
        return new Letter(account, "person@example.org", MailTemplate.RESET_PASSWORD,
                Map.of("name", "P", "link", "https://v.example/reset-password?token=x", "minutes", "30"));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }
}
