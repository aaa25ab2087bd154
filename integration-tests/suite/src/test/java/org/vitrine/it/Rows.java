package org.vitrine.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Counts rows in an instance's database, to check what a scenario left behind. */
final class Rows {

    private Rows() {
    }

    /** The single number a query such as {@code SELECT COUNT(*) FROM accounts WHERE email = ?} answers. */
    static long count(VitrineInstance vitrine, String sql, Object... parameters) throws Exception {
        try (Connection db = vitrine.database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
