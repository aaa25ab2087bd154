package org.vitrine.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.auth.SecondFactor;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.privacy.ErasedAccount;
import org.vitrine.api.privacy.OwnerConfirmation;
import org.vitrine.api.privacy.PersonalDataHolder;
import org.vitrine.api.privacy.PersonalDataStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

class AccountErasureTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.1", "test");
    private final List<String> calls = new ArrayList<>();
    private final List<AuditEvent> audited = new ArrayList<>();

    @Test
    void an_account_without_a_password_is_deleted_with_a_sign_in_less_than_ten_minutes_old() {
        erasure(null).delete(session(Duration.ofMinutes(9)), new AccountErasure.Proof(null, null, null), CLIENT);
        assertEquals(List.of("erase 7", "holder 7 ann@example.org", "endAll 7"), calls);
        AuditEvent done = audited.get(audited.size() - 1);
        assertEquals("account.delete", done.action());
        assertEquals("success", done.outcome());
        assertEquals(null, done.ip());
        assertEquals("2 documents taken down, removed elsewhere: {spool=2}", done.detail());
    }

    @Test
    void an_account_without_a_password_and_an_older_sign_in_is_refused_and_kept() {
        DomainException refused = assertThrows(DomainException.class, () -> erasure(null)
                .delete(session(Duration.ofMinutes(11)), new AccountErasure.Proof(null, null, null), CLIENT));
        assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
        assertTrue(refused.getMessage().contains("10 minutes"), refused.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void an_account_with_a_password_needs_it_even_right_after_signing_in() {
        OwnerConfirmation owner = confirmation(true, "right");
        assertEquals(DomainException.Kind.BAD_REQUEST, assertThrows(DomainException.class, () -> erasure(owner)
                .delete(session(Duration.ZERO), new AccountErasure.Proof(null, null, null), CLIENT)).kind());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> erasure(owner)
                .delete(session(Duration.ZERO), new AccountErasure.Proof("wrong", null, null), CLIENT)).kind());
        assertEquals(List.of(), calls);
        erasure(owner).delete(session(Duration.ofHours(5)), new AccountErasure.Proof("right", null, null), CLIENT);
        assertEquals(List.of("erase 7", "holder 7 ann@example.org", "endAll 7"), calls);
    }

    private AccountErasure erasure(OwnerConfirmation owner) {
        PersonalDataStore personal = fake(PersonalDataStore.class, (name, args) -> {
            if (name.equals("erase")) {
                calls.add("erase " + args[0]);
                return new ErasedAccount(2, List.of());
            }
            return null;
        });
        SessionManager sessions = fake(SessionManager.class, (name, args) -> {
            if (name.equals("endAll")) {
                calls.add("endAll " + args[0]);
                return 1;
            }
            return null;
        });
        AuditLog audit = fake(AuditLog.class, (name, args) -> {
            if (name.equals("append")) {
                audited.add((AuditEvent) args[0]);
            }
            return null;
        });
        AccountStore accounts = fake(AccountStore.class, (name, args) -> name.equals("byId")
                ? Optional.of(new Account(7, "ann@example.org", "Ann", null, null, null, null, AccountStatus.ACTIVE, Set.of(Role.USER), NOW))
                : null);
        AccountErasure erasure = new AccountErasure(personal, accounts, sessions, fake(BlobStore.class, (n, a) -> null), audit,
                Clock.fixed(NOW, ZoneOffset.UTC), owner,
                fake(SecondFactor.class, (n, a) -> n.equals("required") ? Boolean.FALSE : null));
        erasure.addHolder(new PersonalDataHolder() {
            @Override
            public String name() {
                return "spool";
            }

            @Override
            public int erase(long accountId, String email) {
                calls.add("holder " + accountId + " " + email);
                return 2;
            }
        });
        return erasure;
    }

    private static OwnerConfirmation confirmation(boolean hasPassword, String password) {
        return new OwnerConfirmation() {
            @Override
            public boolean hasPassword(long accountId) {
                return hasPassword;
            }

            @Override
            public void confirm(long accountId, String action, String given, String code, String recoveryCode, ClientInfo client) {
                if (hasPassword && !password.equals(given)) {
                    throw new DomainException(DomainException.Kind.FORBIDDEN, "The password is wrong.");
                }
            }
        };
    }

    private static Session session(Duration age) {
        return fake(Session.class, (name, args) -> switch (name) {
            case "accountId" -> 7L;
            case "createdAt" -> NOW.minus(age);
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args == null ? new Object[0] : args));
    }
}
