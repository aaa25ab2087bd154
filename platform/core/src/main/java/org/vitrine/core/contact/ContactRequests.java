package org.vitrine.core.contact;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.contact.ContactRequest;
import org.vitrine.api.contact.ContactRequestStore;
import org.vitrine.api.contact.ContactType;
import org.vitrine.api.contact.NewContactRequest;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.RateLimiter;
import org.vitrine.core.http.QueryParams;

/**
 * The contact form: questions, privacy requests (access, erasure, objection, ...) and the rest, kept for admins.
 * Limited per address ({@code contact.ip}); every field is checked, and a refused message stores nothing.
 */
@Component(service = ContactRequests.class)
public class ContactRequests {

    static final int MAX_NAME = 255;
    static final int MAX_MESSAGE = 5000;
    static final String TYPES = Arrays.stream(ContactType.values()).map(ContactType::id).collect(Collectors.joining(", "));

    private final ContactRequestStore store;
    private final RateLimiter limits;

    @Activate
    public ContactRequests(@Reference ContactRequestStore store, @Reference RateLimiter limits) {
        this.store = store;
        this.limits = limits;
    }

    /** Keeps a message; returns its id. */
    public long send(String name, String email, String message, String type, String ip) {
        limits.consume("contact.ip", ip);
        String who = required("name", QueryParams.text("name", name, MAX_NAME));
        String address = required("email", QueryParams.email("email", email));
        String text = required("message", QueryParams.text("message", message, MAX_MESSAGE));
        ContactType kind = type(type);
        return store.add(new NewContactRequest(who, address, kind, text, Instant.now(), ip));
    }

    /** Messages, newest first. */
    public List<ContactRequest> page(Long before, int limit, String type) {
        return store.page(before, limit, type == null || type.isBlank() ? null : type(type));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw DomainException.badRequest("'" + field + "' is missing.");
        }
        return value;
    }

    private static ContactType type(String type) {
        if (type == null || type.isBlank()) {
            throw DomainException.badRequest("'type' is missing: one of " + TYPES + ".");
        }
        return ContactType.of(type).orElseThrow(() -> DomainException.badRequest("'type' must be one of " + TYPES + ", not '"
                + (type.length() > 40 ? type.substring(0, 40) + "..." : type) + "'."));
    }
}
