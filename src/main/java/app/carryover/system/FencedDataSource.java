package app.carryover.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets the practice fence ({@link PracticeFence}) on every connection it hands out, so a pooled
 * connection never keeps an earlier request's practice.
 *
 * <p>The setting is made while the connection is in auto-commit (as the pool hands them out), so
 * it is committed at once and no later rollback can undo it; only transaction-local changes are
 * made anywhere else ({@link PracticeFence#unrestricted}, {@code account_email_taken}), and those
 * end with their transaction. So the value this class last set on a physical connection is the
 * value it still has, and a checkout that wants the same value skips the round trip (a request
 * takes many connections, mostly for the same practice). A connection not in auto-commit, or one
 * that is not a PostgreSQL connection, is always set.
 */
final class FencedDataSource extends DelegatingDataSource {

    /** The value last set on each physical connection; weak, so closed connections drop out. */
    private final Map<PGConnection, String> applied = Collections.synchronizedMap(new WeakHashMap<>());

    FencedDataSource(DataSource target) {
        super(target);
    }

    // The practice is worked out before a connection is taken: working it out may load the signed-in
    // person's session through this same pool, and holding one connection while waiting for another
    // would let a burst of requests exhaust the pool and wait on each other.
    @Override
    public Connection getConnection() throws SQLException {
        if (PracticeFence.keepsSetting()) {
            // For the session store only: nothing read on it has a practice (see PracticeFence.keepingSetting).
            return super.getConnection();
        }
        String wanted = PracticeFence.currentValue();
        return fenced(super.getConnection(), wanted);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (PracticeFence.keepsSetting()) {
            return super.getConnection(username, password);
        }
        String wanted = PracticeFence.currentValue();
        return fenced(super.getConnection(username, password), wanted);
    }

    private Connection fenced(Connection connection, String wanted) throws SQLException {
        try {
            PGConnection physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
            if (physical == null) {
                PracticeFence.apply(connection, wanted);
                return connection;
            }
            if (!connection.getAutoCommit()) {
                // Set inside a transaction, which a rollback could undo: set it, and remember nothing.
                applied.remove(physical);
                PracticeFence.apply(connection, wanted);
                return connection;
            }
            if (!wanted.equals(applied.get(physical))) {
                applied.remove(physical);
                PracticeFence.apply(connection, wanted);
                applied.put(physical, wanted);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
