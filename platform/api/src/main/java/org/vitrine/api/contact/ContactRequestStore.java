package org.vitrine.api.contact;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Contact messages, provided by the metadata store.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface ContactRequestStore {

    /** Keeps a message; returns its id. */
    long add(NewContactRequest request);

    /**
     * Messages, newest first.
     *
     * @param before only messages with a smaller id (the last id of the previous page), or null
     * @param limit  at most this many, 1 to 1000
     * @param type   only this type, or null for all
     */
    List<ContactRequest> page(Long before, int limit, ContactType type);
}
