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

    private long files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }
}
