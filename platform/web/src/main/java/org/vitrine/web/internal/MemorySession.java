package org.vitrine.web.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.vitrine.api.security.Role;
import org.vitrine.api.session.ClientInfo;
import org.vitrine.api.session.Session;

/** A session held in memory only. */
final class MemorySession implements Session {

    private final String id;
    private final String publicId;
    private final long accountId;
    private final String csrfToken;
    private final Instant createdAt;
    private final ClientInfo client;
    private final boolean awaitingSecondFactor;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile Set<Role> roles;
    private volatile Instant lastSeenAt;

    MemorySession(String id, String publicId, long accountId, Set<Role> roles, String csrfToken, Instant now, ClientInfo client,
                  boolean awaitingSecondFactor) {
        this.awaitingSecondFactor = awaitingSecondFactor;
        this.id = id;
        this.publicId = publicId;
        this.accountId = accountId;
        this.roles = Set.copyOf(roles);
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.client = client;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String publicId() {
        return publicId;
    }

    @Override
    public long accountId() {
        return accountId;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    void roles(Set<Role> changed) {
        roles = Set.copyOf(changed);
    }

    @Override
    public String csrfToken() {
        return csrfToken;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    void touch(Instant now) {
        lastSeenAt = now;
    }

    @Override
    public ClientInfo client() {
        return client;
    }

    @Override
    public boolean awaitingSecondFactor() {
        return awaitingSecondFactor;
    }

    /** The attributes, to carry them over when the session is replaced by a signed-in one. */
    Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public <T> Optional<T> attribute(String name, Class<T> type) {
        Object value = attributes.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public String toString() {
        // never the id: it is the credential
        return "Session[" + publicId + ", account " + accountId + (awaitingSecondFactor ? ", awaiting second factor" : "") + "]";
    }
}
