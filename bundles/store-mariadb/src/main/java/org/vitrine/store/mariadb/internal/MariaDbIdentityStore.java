package org.vitrine.store.mariadb.internal;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.exceptions.PersistenceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.identity.Identity;
import org.vitrine.api.identity.IdentityStore;
import org.vitrine.api.problem.DomainException;

/**
 * Provider identities in the {@code identities} table, one per provider user; linking designers sets
 * {@code designers.account_id}. The unique key decides races: of two links of one provider user, one inserts
 * and the other finds it.
 */
@Component
public class MariaDbIdentityStore implements IdentityStore {

    private final Database database;

    @Activate
    public MariaDbIdentityStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Optional<Identity> find(String provider, String externalId) {
        return Optional.ofNullable(MapperSessions.inSession(database, IdentityMapper.class,
                m -> m.byExternalId(provider, externalId))).map(IdentityRow::toIdentity);
    }

    @Override
    public List<Identity> ofAccount(long accountId) {
        return MapperSessions.inSession(database, IdentityMapper.class, m -> m.ofAccount(accountId)).stream()
                .map(IdentityRow::toIdentity).toList();
    }

    @Override
    public Identity link(long accountId, String provider, String externalId, String displayName, String email) {
        IdentityRow row = IdentityRow.of(accountId, provider, externalId, displayName, email, UtcTimes.now());
        try {
            MapperSessions.inSession(database, IdentityMapper.class, m -> {
                m.insert(row);
                return null;
            });
            return row.toIdentity();
        } catch (PersistenceException e) {
            if (!SqlFailures.isDuplicateKey(e)) {
                throw e;
            }
        }
        Identity existing = find(provider, externalId)
                .filter(identity -> identity.accountId() == accountId)
                .orElse(null);
        if (existing == null) {
            throw DomainException.conflict("This " + provider + " account is linked to another Vitrine account.");
        }
        return existing;
    }

    @Override
    public void linkDesigner(String provider, String externalId, long accountId) {
        MapperSessions.inSession(database, IdentityMapper.class,
                m -> m.linkDesigner(provider, externalId, accountId, UtcTimes.now()));
    }

    @Override
    public Optional<Identity> unlink(long accountId, long identityId) {
        return MapperSessions.inTransaction(database, IdentityMapper.class, m -> {
            IdentityRow row = m.ofAccountById(accountId, identityId);
            if (row == null) {
                return Optional.<Identity>empty();
            }
            m.delete(accountId, identityId);
            return Optional.of(row.toIdentity());
        });
    }
}
