package org.vitrine.auth.onshape.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.EmailAddress;
import org.vitrine.api.accounts.NewAccount;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.identity.Identity;
import org.vitrine.api.identity.IdentityStore;
import org.vitrine.api.identity.ProviderTokens;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.onshape.client.OnshapeConnection;
import org.vitrine.onshape.client.OnshapeSettings;
import org.vitrine.onshape.client.OnshapeOAuth;
import org.vitrine.onshape.client.TokenSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The rules of signing in with Onshape. An Onshape identity already linked signs in to its account; a person
 * signed in locally connects Onshape to their account; anyone else gets a new account with the Onshape profile.
 * An existing local account with the same e-mail address is never merged silently: its owner must sign in
 * first and connect Onshape from there.
 */
@Component(service = OnshapeSignIn.class, configurationPid = "org.vitrine.onshape")
@Designate(ocd = OnshapeSettings.class)
public class OnshapeSignIn {

    /** A completed sign-in: the account, the tokens for the session, and where to go next. */
    record Completed(Account account, ProviderTokens tokens, String returnTo) {
    }

    private final AccountStore accounts;
    private final IdentityStore identities;
    private final AuditLog audit;
    private final String publicUrl;
    private final Clock clock = Clock.systemUTC();
    private final PendingSignIns pending = new PendingSignIns(clock);
    private volatile OnshapeConnection onshape;

    /** Where calls to Onshape are counted, when the platform provides it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeterRegistry meters;

    @Activate
    public OnshapeSignIn(BundleContext context, @Reference AccountStore accounts, @Reference IdentityStore identities,
                         @Reference AuditLog audit, Map<String, Object> properties) {
        this.accounts = accounts;
        this.identities = identities;
        this.audit = audit;
        this.publicUrl = context.getProperty("vitrine.public.url");
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        this.onshape = OnshapeConnection.from(properties, publicUrl, () -> meters);
    }

    /** Starts a sign-in: the state to put in the cookie, and Onshape's authorize address. */
    Map.Entry<String, URI> start(String returnTo, Long linkingAccountId) {
        OnshapeConnection current = onshape;
        if (!current.config().oauthConfigured()) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE,
                    "Sign-in with Onshape is not set up: client.id and client.secret are missing in config/onshape.properties.");
        }
        String state = pending.start(returnTo, linkingAccountId);
        return Map.entry(state, current.oauth().authorizeUri(state));
    }

    Completed complete(String state, String cookieState, String code, String error, ClientInfo client) {
        PendingSignIns.Pending p = pending.take(state).filter(x -> state.equals(cookieState))
                .orElseThrow(() -> new SignInRefused("state", "This sign-in is stale or came back to another browser; please start again."));
        if (error != null && !error.isBlank()) {
            throw new SignInRefused("access_denied".equals(error) ? "denied" : "onshape", "Onshape did not sign you in (" + error + ").");
        }
        if (code == null || code.isBlank()) {
            throw new SignInRefused("onshape", "Onshape answered without a code.");
        }
        ProviderTokens tokens;
        JsonNode info;
        try {
            OnshapeConnection current = onshape;
            tokens = current.oauth().exchange(code);
            info = current.interactive().get("/users/sessioninfo", fixed(tokens));
        } catch (DomainException e) {
            throw new SignInRefused("onshape", e.getMessage());
        }
        String externalId = info.path("id").asText("");
        if (externalId.isEmpty()) {
            throw new SignInRefused("onshape", "Onshape did not say who you are.");
        }
        Account account = resolve(p, externalId, info);
        accounts.recordSignIn(account.id(), Instant.now(clock));
        audit.append(new AuditEvent(Instant.now(clock), "account:" + account.id(), "auth.signin", "account:" + account.id(),
                client.ip(), "success", "onshape"));
        return new Completed(account, tokens, p.returnTo());
    }

    private Account resolve(PendingSignIns.Pending p, String externalId, JsonNode info) {
        String name = text(info, "name");
        String email = emailOf(info);
        Optional<Identity> known = identities.find(OnshapeOAuth.PROVIDER, externalId);
        if (known.isPresent()) {
            if (p.linkingAccountId() != null && p.linkingAccountId() != known.get().accountId()) {
                throw new SignInRefused("linked-elsewhere", "This Onshape account is already connected to another Vitrine account.");
            }
            Account account = accounts.byId(known.get().accountId())
                    .orElseThrow(() -> new SignInRefused("disabled", "The account of this Onshape identity no longer exists."));
            if (account.status() != AccountStatus.ACTIVE) {
                throw new SignInRefused("disabled", "This account is disabled.");
            }
            return account;
        }
        if (p.linkingAccountId() != null) {
            identities.link(p.linkingAccountId(), OnshapeOAuth.PROVIDER, externalId, name, email);
            identities.linkDesigner(OnshapeOAuth.PROVIDER, externalId, p.linkingAccountId());
            return accounts.byId(p.linkingAccountId()).orElseThrow(() -> new SignInRefused("disabled", "No such account."));
        }
        Optional<Account> sameEmail = email == null ? Optional.empty() : accounts.byEmail(email);
        if (sameEmail.isPresent()) {
            return linkByEmail(sameEmail.get(), externalId, name, email);
        }
        String displayName = name != null ? name : email != null ? email.substring(0, email.indexOf('@')) : "Onshape user";
        Account created = accounts.create(new NewAccount(email, limit(displayName), limit(text(info, "firstName")),
                limit(text(info, "lastName")), limit(text(info.path("company"), "name")), avatar(info), null, Set.of()));
        if (email != null) {
            // Onshape confirms an address before its account can be used; see README, "E-mail verification"
            accounts.markEmailVerified(created.id(), clock.instant());
        }
        identities.link(created.id(), OnshapeOAuth.PROVIDER, externalId, name, email);
        identities.linkDesigner(OnshapeOAuth.PROVIDER, externalId, created.id());
        return created;
    }

    /**
     * Connects the Onshape identity to the existing account with its address, only when that account proved the
     * address: otherwise whoever registered it first (perhaps not its owner) would get the Onshape identity, the
     * pre-registration takeover. An account with a second factor is never entered without it.
     */
    private Account linkByEmail(Account existing, String externalId, String name, String email) {
        if (existing.status() != AccountStatus.ACTIVE) {
            throw new SignInRefused("disabled", "This account is disabled.");
        }
        if (accounts.emailVerifiedAt(existing.id()).isEmpty()) {
            throw new SignInRefused("email-in-use", "An account with your Onshape e-mail address exists, but its address "
                    + "is not verified: sign in to it with its password, then connect Onshape from your account page.");
        }
        if (accounts.totp(existing.id()).filter(t -> t.confirmed()).isPresent()) {
            throw new SignInRefused("email-in-use", "An account with your Onshape e-mail address exists and has two-factor "
                    + "authentication: sign in to it with its password and code, then connect Onshape from your account page.");
        }
        identities.link(existing.id(), OnshapeOAuth.PROVIDER, externalId, name, email);
        identities.linkDesigner(OnshapeOAuth.PROVIDER, externalId, existing.id());
        audit.append(new AuditEvent(Instant.now(clock), "account:" + existing.id(), "identity.link", "account:" + existing.id(),
                null, "success", "onshape, by verified e-mail address"));
        return existing;
    }

    boolean linked(long accountId) {
        return identities.ofAccount(accountId).stream().anyMatch(i -> OnshapeOAuth.PROVIDER.equals(i.provider()));
    }

    private static String emailOf(JsonNode info) {
        String raw = text(info, "email");
        try {
            return raw == null ? null : EmailAddress.parse(raw).value();
        } catch (DomainException e) {
            return null;
        }
    }

    /** The person's picture, only as an https (or, on a test stack, http) address of at most 500 characters. */
    private static String avatar(JsonNode info) {
        String image = text(info, "image");
        return image != null && image.length() <= 500 && (image.startsWith("https://") || image.startsWith("http://")) ? image : null;
    }

    private static TokenSource fixed(ProviderTokens tokens) {
        return new TokenSource() {
            @Override
            public String accessToken() {
                return tokens.accessToken();
            }

            @Override
            public String refreshed() {
                throw new DomainException(DomainException.Kind.UNAUTHORIZED, "Onshape refused the new sign-in.");
            }
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String limit(String s) {
        return s == null ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
