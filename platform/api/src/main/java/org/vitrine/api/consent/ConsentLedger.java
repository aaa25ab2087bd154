package org.vitrine.api.consent;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only consent ledger, provided by the metadata store: proof of every decision. Nothing in it is ever
 * updated; a changed mind is a new record.
 *
 * <p>Threading: thread-safe; every method may block on the database for a few milliseconds. {@link #append}
 * does not check for duplicates: the caller decides what is recorded.
 */
@ProviderType
public interface ConsentLedger {

    /** Appends the records together (all or none). Their ids are assigned by the ledger. */
    void append(List<ConsentRecord> records);

    /**
     * The subject's latest record for each purpose among those recorded under this policy id and version, by
     * purpose id. Records under other versions are ignored: they no longer count.
     */
    Map<String, ConsentRecord> latest(ConsentSubject subject, String policyId, String policyVersion);

    /** Every record of the subject, newest first. */
    List<ConsentRecord> history(ConsentSubject subject);
}
