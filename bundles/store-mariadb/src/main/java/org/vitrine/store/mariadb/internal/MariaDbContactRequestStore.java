package org.vitrine.store.mariadb.internal;

import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.contact.ContactRequest;
import org.vitrine.api.contact.ContactRequestStore;
import org.vitrine.api.contact.ContactType;
import org.vitrine.api.contact.NewContactRequest;

/** Contact messages in the {@code contact_requests} table. */
@Component
public class MariaDbContactRequestStore implements ContactRequestStore {

    private final Database database;

    @Activate
    public MariaDbContactRequestStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public long add(NewContactRequest request) {
        ContactRequestRow row = ContactRequestRow.of(Objects.requireNonNull(request, "request"));
        MapperSessions.inSession(database, ContactRequestMapper.class, m -> {
            m.insert(row);
            return null;
        });
        return row.getId();
    }

    @Override
    public List<ContactRequest> page(Long before, int limit, ContactType type) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        return MapperSessions.inSession(database, ContactRequestMapper.class,
                m -> m.page(before, limit, type == null ? null : type.id())).stream().map(ContactRequestRow::toRequest).toList();
    }
}
