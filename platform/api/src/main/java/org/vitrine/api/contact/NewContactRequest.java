package org.vitrine.api.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as sent through the contact form.
 *
 * @param name    who wrote it
 * @param email   where to answer (checked, lower case)
 * @param type    what it is about
 * @param message the text
 * @param at      when (UTC)
 * @param ip      the sender's address, kept for the retention period only
 */
public record NewContactRequest(String name, String email, ContactType type, String message, Instant at, String ip) {
    public NewContactRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
