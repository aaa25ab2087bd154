package org.vitrine.core.audit;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.security.Caller;

/**
 * Writes down that staff looked at other people's personal data: one {@code personal-data.read} event per answer
 * that showed some (who, whose data or which list, what was shown). An answer without personal data (an empty
 * page, reports without e-mail addresses, audit entries without IP addresses) records nothing, so reading the
 * audit log adds at most one event per page an admin opens and never feeds on itself.
 */
@Component(service = PersonalDataReads.class)
public class PersonalDataReads {

    public static final String ACTION = "personal-data.read";
    /** The audit log keeps details of up to 1000 characters. */
    static final int MAX_DETAIL = 1000;

    private final AuditLog audit;

    @Activate
    public PersonalDataReads(@Reference AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Records a read.
     *
     * @param reader who read (the request's caller; {@code null} when unknown)
     * @param ip     the reader's address
     * @param target whose data, e.g. {@code account:42}, or which list, e.g. {@code contact-requests}
     * @param detail what was shown, e.g. "profile, roles, identities"; never the data itself
     */
    public void record(Caller reader, String ip, String target, String detail) {
        String shown = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
        audit.append(new AuditEvent(Instant.now(), reader == null ? null : reader.name(), ACTION, target, ip, "success", shown));
    }
}
