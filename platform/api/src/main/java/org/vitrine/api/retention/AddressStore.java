package org.vitrine.api.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Client addresses kept by the metadata store, for the retention job: it reads those older than the retention
 * period that are not anonymised yet and writes their anonymised form back.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface AddressStore {

    /**
     * Rows of the log dated before {@code cutoff} whose address is not anonymised yet, smallest id first.
     *
     * @param limit at most this many, 1 to 10,000
     */
    List<StoredAddress> notAnonymisedBefore(AddressLog log, Instant cutoff, int limit);

    /**
     * Replaces addresses and marks the rows anonymised, in one transaction.
     *
     * @param anonymised the new address (null to remove it) by row id
     * @return how many rows changed
     */
    int replace(AddressLog log, Map<Long, String> anonymised);
}
