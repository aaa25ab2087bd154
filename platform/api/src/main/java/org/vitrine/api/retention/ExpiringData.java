package org.vitrine.api.retention;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a module keeps for a limited time only (e.g. the mail module's spooled messages): the platform's
 * retention job, which runs every few hours and when an admin asks, calls every registered one after it has shortened
 * the stored client addresses, and reports and audits what each removed.
 *
 * <p>Threading: called from the retention job's thread or an admin's request, never twice at once; may block on the
 * file system, should finish within seconds.
 */
@ConsumerType
public interface ExpiringData {

    /** A stable name for the run's report and audit entry, in camel case, e.g. {@code mailSpoolFiles}. */
    String name();

    /**
     * Removes what is older than the holder's own retention period, measured back from {@code now}.
     *
     * @return how many items were removed
     */
    int removeExpired(Instant now);
}
