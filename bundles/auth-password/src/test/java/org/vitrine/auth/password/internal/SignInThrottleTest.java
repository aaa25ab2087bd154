package org.vitrine.auth.password.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.devices.DeviceCookies;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.ratelimit.TooManyRequestsException;
import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;

class SignInThrottleTest {

    private static final String OWNERS_COOKIE = "A".repeat(43);
    private static final String ADDRESS = "owner@example.org";
    private static final Optional<Account> OWNER = Optional.of(new Account(7, ADDRESS, "Owner", null, null, null, null,
            AccountStatus.ACTIVE, Set.of(Role.USER), Instant.now()));
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.1", "test");

    /** The budgets asked for, as "policy key". */
    private final List<String> consumed = new ArrayList<>();
    /** The device look-ups, as "account cookie". */
    private final List<String> lookedUp = new ArrayList<>();
    private final RateLimiter limits = (policy, key) -> consumed.add(policy + " " + key);
    private final DeviceCookies devices = (accountId, cookie) -> {
        lookedUp.add(accountId + " " + cookie);
        return accountId == 7 && OWNERS_COOKIE.equals(cookie) ? Optional.of("hash-of-the-owners-cookie") : Optional.empty();
    };
    private final SignInThrottle throttle = new SignInThrottle(limits, devices, settings(3));

    @Test
    void a_known_device_uses_its_own_budget_and_not_those_of_the_address_or_the_client() {
        throttle.admit(ADDRESS, OWNER, OWNERS_COOKIE, CLIENT);
        assertEquals(List.of("login.device 7:hash-of-the-owners-cookie"), consumed);
    }

    @Test
    void any_other_client_uses_the_budgets_of_the_client_and_of_the_address() {
        throttle.admit(ADDRESS, OWNER, null, CLIENT);
        throttle.admit(ADDRESS, OWNER, "B".repeat(43), CLIENT);
        assertEquals(List.of("login.ip 192.0.2.1", "login.account " + ADDRESS, "login.ip 192.0.2.1", "login.account " + ADDRESS),
                consumed);
    }

    @Test
    void failures_elsewhere_never_make_the_owners_device_wait_and_the_devices_own_failures_are_bounded() {
        for (int i = 0; i < 3; i++) {
            throttle.admit(ADDRESS, OWNER, null, CLIENT).failed();
        }
        assertThrows(TooManyRequestsException.class, () -> throttle.admit(ADDRESS, OWNER, null, CLIENT));
        throttle.admit(ADDRESS, OWNER, OWNERS_COOKIE, CLIENT).succeeded();
        assertThrows(TooManyRequestsException.class, () -> throttle.admit(ADDRESS, OWNER, null, CLIENT),
                "the owner's sign-in does not reset the waits of other clients");

        for (int i = 0; i < 3; i++) {
            throttle.admit(ADDRESS, OWNER, OWNERS_COOKIE, CLIENT).failed();
        }
        assertThrows(TooManyRequestsException.class, () -> throttle.admit(ADDRESS, OWNER, OWNERS_COOKIE, CLIENT));
    }

    @Test
    void an_address_without_an_account_is_looked_up_too_so_the_time_taken_tells_nothing() {
        assertDoesNotThrow(() -> throttle.admit("nobody@example.org", Optional.empty(), OWNERS_COOKIE, CLIENT));
        assertEquals(List.of("-1 " + OWNERS_COOKIE), lookedUp);
        assertEquals(List.of("login.ip 192.0.2.1", "login.account nobody@example.org"), consumed);
    }

    /** The settings' defaults, with this many failures before the waits. */
    private static PasswordSettings settings(int failures) {
        return (PasswordSettings) Proxy.newProxyInstance(PasswordSettings.class.getClassLoader(), new Class<?>[] {PasswordSettings.class},
                (proxy, method, args) -> "bruteforce_failures".equals(method.getName()) ? failures : method.getDefaultValue());
    }
}
