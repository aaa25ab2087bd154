package org.vitrine.store.mariadb.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.consent.ConsentLedger;
import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentSubject;

/** The consent ledger in the {@code consent_records} table: rows are inserted, never updated or deleted. */
@Component
public class MariaDbConsentLedger implements ConsentLedger {

    private final Database database;

    @Activate
    public MariaDbConsentLedger(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void append(List<ConsentRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        MapperSessions.inTransaction(database, ConsentMapper.class, m -> {
            records.forEach(r -> m.insert(ConsentRow.of(r)));
            return null;
        });
    }

    @Override
    public Map<String, ConsentRecord> latest(ConsentSubject subject, String policyId, String policyVersion) {
        Map<String, ConsentRecord> byPurpose = new LinkedHashMap<>();
        MapperSessions.inSession(database, ConsentMapper.class,
                        m -> m.latest(subject.accountId(), subject.visitorId(), policyId, policyVersion))
                .forEach(row -> byPurpose.put(row.getPurpose(), row.toRecord()));
        return byPurpose;
    }

    @Override
    public List<ConsentRecord> history(ConsentSubject subject) {
        return MapperSessions.inSession(database, ConsentMapper.class, m -> m.history(subject.accountId(), subject.visitorId()))
                .stream().map(ConsentRow::toRecord).toList();
    }
}
