package org.vitrine.api.privacy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module that keeps personal data outside the metadata store (e.g. the mail module's spooled messages): when a
 * person deletes their account, the platform erases the store's rows and then calls every registered holder, so what
 * a module keeps goes with the account even though the platform does not know where it lies.
 *
 * <p>Threading: called on the request thread of the deletion, after the store's erasure; may block on the file
 * system, should finish within seconds. A holder that fails must throw: the deletion is then reported as failed
 * rather than silently incomplete.
 */
@ConsumerType
public interface PersonalDataHolder {

    /** A stable name for the audit entry, in camel case, e.g. {@code mailSpoolFiles}. */
    String name();

    /**
     * Removes everything kept about the account: whatever names the account, and whatever is addressed to its e-mail
     * address, so that no copy of the address remains.
     *
     * @param accountId the erased account
     * @param email     its address before the erasure (normalised), or null when it had none
     * @return how many items were removed
     */
    int erase(long accountId, String email);
}
