package org.vitrine.store.mariadb.internal;

import java.util.function.Function;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.vitrine.api.problem.DomainException;

/**
 * Runs a store's mapper calls in a MyBatis session and turns a lost, silent or too slow database into
 * UNAVAILABLE (503, without the driver's message: it names hosts and statements); any other
 * failure reaches the store unchanged, so it can still recognise a duplicate key.
 */
final class MapperSessions {

    private MapperSessions() {
    }

    /** One statement, committed on its own. */
    static <M, T> T inSession(Database database, Class<M> mapper, Function<M, T> work) {
        try (SqlSession session = database.sessions().openSession(true)) {
            return work.apply(session.getMapper(mapper));
        } catch (PersistenceException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * Several statements, committed together or (on any exception) rolled back together when the session
     * closes. Reads inside it see one snapshot of the database.
     */
    static <M, T> T inTransaction(Database database, Class<M> mapper, Function<M, T> work) {
        try (SqlSession session = database.sessions().openSession(false)) {
            T result = work.apply(session.getMapper(mapper));
            session.commit();
            return result;
        } catch (PersistenceException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * Like {@link #inTransaction}, at READ COMMITTED: range deletes then take no gap locks, so transactions
     * that replace the rows of different parents do not block (or deadlock) each other on the gap between them.
     */
    static <M, T> T inReadCommittedTransaction(Database database, Class<M> mapper, Function<M, T> work) {
        try (SqlSession session = database.sessions().openSession(TransactionIsolationLevel.READ_COMMITTED)) {
            T result = work.apply(session.getMapper(mapper));
            session.commit();
            return result;
        } catch (PersistenceException e) {
            throw unavailableOr(e);
        }
    }

    private static RuntimeException unavailableOr(PersistenceException e) {
        if (SqlFailures.isConnectionFailure(e)) {
            return new DomainException(DomainException.Kind.UNAVAILABLE, "The database is unavailable.");
        }
        if (SqlFailures.isTimeout(e)) {
            return new DomainException(DomainException.Kind.UNAVAILABLE, "The database took too long to answer; try again.");
        }
        return e;
    }
}
