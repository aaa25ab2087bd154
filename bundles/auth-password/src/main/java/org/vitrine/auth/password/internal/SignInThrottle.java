package org.vitrine.auth.password.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.devices.DeviceCookies;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.api.session.ClientInfo;

/**
 * Slows down password guessing without letting a guesser keep the owner out, after OWASP's "Slow down online guessing
 * attacks with device cookies". A client that presents the device cookie of a browser that signed in to the account
 * before (second factor included) is the owner's device: it has a budget of its own ({@code login.device}, per
 * account and device) and its own growing waits, and is spared those of the address. Every other client shares the
 * address's budget ({@code login.account}) and its growing waits after repeated failures, and has the per-client
 * budget ({@code login.ip}). So any number of wrong guesses from elsewhere never delays the owner's own browser, and a
 * stolen or guessed cookie is no help: cookies are 256 random bits, known only for the accounts they signed in to.
 */
@Component(service = SignInThrottle.class, configurationPid = "org.vitrine.auth.password")
public class SignInThrottle {

    /** Asked about when the address has no account, so the look-up costs the same time either way. */
    private static final long NO_ACCOUNT = -1;

    /** One sign-in attempt's place in the budgets; say how it ended. */
    static final class Attempt {
        private final BruteForceGuard guard;
        private final String key;

        private Attempt(BruteForceGuard guard, String key) {
            this.guard = guard;
            this.key = key;
        }

        /** A wrong password or second factor: counts towards the waits of this device or address. */
        void failed() {
            guard.failed(key);
        }

        /** A sign-in: the waits of this device or address start again from zero (never those of the other). */
        void succeeded() {
            guard.succeeded(key);
        }
    }

    private final RateLimiter limits;
    private final DeviceCookies devices;
    /** Failures per address, of clients that are not a known device of its account. */
    private final BruteForceGuard addressGuard;
    /** Failures per known device and account: the owner's own typing errors (or a thief's) are bounded too. */
    private final BruteForceGuard deviceGuard;

    @Activate
    public SignInThrottle(@Reference RateLimiter limits, @Reference DeviceCookies devices, PasswordSettings settings) {
        this.limits = limits;
        this.devices = devices;
        this.addressGuard = guard(settings);
        this.deviceGuard = guard(settings);
    }

    @Modified
    void apply(PasswordSettings changed) {
        for (BruteForceGuard guard : new BruteForceGuard[] {addressGuard, deviceGuard}) {
            guard.configure(changed.bruteforce_failures(), Duration.ofSeconds(changed.bruteforce_wait_seconds()),
                    Duration.ofSeconds(changed.bruteforce_max_wait_seconds()));
        }
    }

    /**
     * Admits an attempt to sign in to the address or refuses it with 429 (and when to try again).
     *
     * @param address      the normalised e-mail address given
     * @param account      its account, if there is one
     * @param deviceCookie the device cookie the request carries, or {@code null}
     */
    Attempt admit(String address, Optional<Account> account, String deviceCookie, ClientInfo client) {
        Optional<String> device = deviceCookie == null ? Optional.empty()
                : devices.knownDevice(account.map(Account::id).orElse(NO_ACCOUNT), deviceCookie);
        if (device.isPresent()) {
            String ownDevice = account.get().id() + ":" + device.get();
            limits.consume("login.device", ownDevice);
            deviceGuard.check(ownDevice);
            return new Attempt(deviceGuard, ownDevice);
        }
        limits.consume("login.ip", client.ip());
        limits.consume("login.account", address);
        addressGuard.check(address);
        return new Attempt(addressGuard, address);
    }

    private static BruteForceGuard guard(PasswordSettings settings) {
        return new BruteForceGuard(settings.bruteforce_failures(), Duration.ofSeconds(settings.bruteforce_wait_seconds()),
                Duration.ofSeconds(settings.bruteforce_max_wait_seconds()), Clock.systemUTC());
    }
}
