package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.retention.AddressLog;
import org.vitrine.api.retention.AddressStore;
import org.vitrine.api.retention.StoredAddress;

/** Client addresses in {@code audit_events}, {@code reports}, {@code consent_records} and {@code contact_requests}. */
@Component
public class MariaDbAddressStore implements AddressStore {

    private final Database database;

    @Activate
    public MariaDbAddressStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public List<StoredAddress> notAnonymisedBefore(AddressLog log, Instant cutoff, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        return MapperSessions.inSession(database, AddressMapper.class,
                m -> m.notAnonymisedBefore(log.name(), UtcTimes.toColumn(Objects.requireNonNull(cutoff, "cutoff")), limit))
                .stream().map(AddressRow::toAddress).toList();
    }

    @Override
    public int replace(AddressLog log, Map<Long, String> anonymised) {
        if (anonymised.isEmpty()) {
            return 0;
        }
        return MapperSessions.inTransaction(database, AddressMapper.class, m -> {
            int changed = 0;
            for (Map.Entry<Long, String> e : anonymised.entrySet()) {
                changed += m.replace(log.name(), e.getKey(), e.getValue());
            }
            return changed;
        });
    }
}
