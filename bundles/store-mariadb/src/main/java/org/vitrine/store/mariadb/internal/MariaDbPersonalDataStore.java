package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEntry;
import org.vitrine.api.blob.BlobKey;
import org.vitrine.api.privacy.ErasedAccount;
import org.vitrine.api.privacy.PersonalDataStore;

/** A person's rows across the tables: read for their export, erased with their account. */
@Component
public class MariaDbPersonalDataStore implements PersonalDataStore {

    private final Database database;
    private final CatalogCache catalog;
    private final SearchFeed search;

    @Activate
    public MariaDbPersonalDataStore(@Reference Database database, @Reference CatalogCache catalog,
                                    @Reference SearchFeed search) {
        this.database = database;
        this.catalog = catalog;
        this.search = search;
    }

    @Override
    public List<Long> importedDocuments(long accountId) {
        return MapperSessions.inSession(database, PrivacyMapper.class, m -> m.importedDocuments(accountId));
    }

    @Override
    public List<AuditEntry> auditEvents(long accountId, int limit) {
        return MapperSessions.inSession(database, PrivacyMapper.class, m -> m.auditEvents(subject(accountId), limit))
                .stream().map(AuditRow::toEntry).toList();
    }

    @Override
    public ErasedAccount erase(long accountId, String reason, Instant when) {
        LocalDateTime now = UtcTimes.toColumn(when);
        ErasedAccount erased = MapperSessions.inTransaction(database, PrivacyMapper.class, m -> {
            String email = m.emailOf(accountId);
            List<BlobKey> blobs = m.exportBlobs(accountId).stream().map(BlobKey::new).toList();
            int disabled = m.disableImportedDocuments(accountId, reason, now);
            m.unlinkDesigners(accountId, now);
            m.forgetAuditAddresses(subject(accountId));
            m.forgetConsentAddresses(accountId);
            m.forgetReports(accountId, email);
            if (email != null) {
                m.forgetContactRequests(email);
            }
            m.forgetMail(accountId, email);
            m.deleteTotp(accountId);
            m.deleteRecoveryCodes(accountId);
            m.deleteIdentities(accountId);
            m.deleteEmailTokens(accountId);
            m.deleteExports(accountId);
            m.deleteKnownDevices(accountId);
            m.eraseAccount(accountId, now);
            return new ErasedAccount(disabled, blobs);
        });
        catalog.changed(); // its documents left the catalog and its designers lost their links
        search.changed(importedDocuments(accountId));
        return erased;
    }

    /** How the audit log names an account. */
    private static String subject(long accountId) {
        return "account:" + accountId;
    }
}
