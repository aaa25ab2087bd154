package org.vitrine.store.mariadb.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEntry;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.audit.AuditQuery;
import org.vitrine.api.problem.DomainException;

/** The audit log in the {@code audit_events} table. */
@Component
public class MariaDbAuditLog implements AuditLog {

    private final Database database;

    @Activate
    public MariaDbAuditLog(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void append(AuditEvent event) {
        MapperSessions.inSession(database, AuditMapper.class, m -> {
            m.insert(AuditRow.of(event));
            return null;
        });
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        if (limit < 1 || limit > 1000) {
            throw DomainException.badRequest("limit must be between 1 and 1000, was " + limit);
        }
        return MapperSessions.inSession(database, AuditMapper.class, m -> m.recent(limit)).stream().map(AuditRow::toEvent).toList();
    }

    @Override
    public List<AuditEntry> page(AuditQuery query) {
        if (query.limit() < 1 || query.limit() > 1000) {
            throw DomainException.badRequest("limit must be between 1 and 1000, was " + query.limit());
        }
        return MapperSessions.inSession(database, AuditMapper.class, m -> m.page(query.before(), query.limit(), query.action()))
                .stream().map(AuditRow::toEntry).toList();
    }
}
