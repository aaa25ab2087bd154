package org.vitrine.api.contact;

import java.time.Instant;

/**
 * A stored contact message, as admins see it (without the sender's address).
 *
 * @param id        its id
 * @param name      who wrote it
 * @param email     where to answer
 * @param type      what it is about
 * @param message   the text
 * @param open      whether it still waits for an answer
 * @param createdAt when it arrived
 */
public record ContactRequest(long id, String name, String email, ContactType type, String message, boolean open,
                             Instant createdAt) {
}
