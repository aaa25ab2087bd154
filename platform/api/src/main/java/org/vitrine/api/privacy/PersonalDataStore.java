package org.vitrine.api.privacy;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.vitrine.api.audit.AuditEntry;

/**
 * What the metadata store knows about one person, across its tables: read for their data export, erased when
 * they delete their account.
 *
 * <p>Threading: thread-safe; calls block on the database.
 */
@ProviderType
public interface PersonalDataStore {

    /** Ids of the documents the account imported, whatever their status, oldest first. */
    List<Long> importedDocuments(long accountId);

    /** Audit events the account did or that were about it, newest first, at most {@code limit}. */
    List<AuditEntry> auditEvents(long accountId, int limit);

    /**
     * Erases the account's personal data in one transaction and keeps the row (status deleted, {@code deleted_at})
     * so that references stay intact: e-mail, names, company, avatar, password hash, second factor, recovery codes,
     * identities, e-mail tokens, roles, data exports and known devices go; client addresses in the audit log, the consent ledger,
     * reports and contact requests linked to the account or its e-mail address are removed; designer records are
     * unlinked and lose the avatar and company; the documents it imported are disabled with {@code reason}.
     *
     * @return what the caller still has to clean outside the database
     */
    ErasedAccount erase(long accountId, String reason, Instant when);
}
