package org.vitrine.store.mariadb.internal;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/** Recognises, in the cause chain of what MyBatis throws, the database failures a store turns into domain errors. */
final class SqlFailures {

    /** MariaDB's ER_DUP_ENTRY: a unique key already holds the value. */
    private static final int DUPLICATE_ENTRY = 1062;

    private SqlFailures() {
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLIntegrityConstraintViolationException e && e.getErrorCode() == DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }

    /**
     * No connection could be had or it broke (pool wait over, server down, server silent past the socket
     * timeout): SQLSTATE class 08.
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A statement ran past the statement timeout and the server stopped it (SQLSTATE 70100). */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTimeoutException || t instanceof SQLException e && "70100".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
