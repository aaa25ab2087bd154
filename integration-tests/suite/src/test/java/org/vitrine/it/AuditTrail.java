package org.vitrine.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code audit_events}, read straight from the database. */
final class AuditTrail {

    record Event(String actor, String action, String target, String ip, String outcome, String detail) {
    }

    private AuditTrail() {
    }

    /** Every event of this action, oldest first. */
    static List<Event> of(VitrineInstance vitrine, String action) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT actor, action, target, ip, outcome, detail "
                     + "FROM audit_events WHERE action = ? ORDER BY occurred_at, id")) {
            select.setString(1, action);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return events;
    }
}
