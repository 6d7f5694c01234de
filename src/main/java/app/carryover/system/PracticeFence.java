package app.carryover.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's second fence under the service-layer access checks: PostgreSQL row-level
 * security (migration V24) shows and accepts only rows of the practice named by the session
 * setting {@value #SETTING}, or every row when it is empty.
 *
 * <p>{@link FencedDataSource} sets it on every connection taken from the pool: to the practice of
 * the fully signed-in {@link Actor} of the current thread, else to '' (background jobs, first run,
 * sign-in before it completes, the demo seeder). {@link #unrestricted} is the one, explicit way to
 * lift it during a signed-in request, for the lookups that cross practices by design (see
 * docs/architecture.md, "Row-level security").
 */
public final class PracticeFence {

    static final String SETTING = "carryover.practice_id";
    static final String SET_SQL = "SELECT set_config('" + SETTING + "', ?, false)";
    private static final String SET_LOCAL_SQL = "SELECT set_config('" + SETTING + "', ?, true)";

    private static final Logger log = LoggerFactory.getLogger(PracticeFence.class);
    private static final ThreadLocal<int[]> UNRESTRICTED = ThreadLocal.withInitial(() -> new int[1]);
    /** Set while the actor is being looked up, which may itself load the session from the database. */
    private static final ThreadLocal<boolean[]> RESOLVING = ThreadLocal.withInitial(() -> new boolean[1]);
    /** Set while the session store works: its tables hold no practice's rows, so connections keep their setting. */
    private static final ThreadLocal<int[]> KEEPING = ThreadLocal.withInitial(() -> new int[1]);

    private final DataSource dataSource;

    PracticeFence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} with the fence lifted, on connections taken inside it and on the connection
     * of a transaction already running (for that transaction's remaining statements inside it).
     * Only for lookups that cross practices by design: they establish who a request acts for
     * (sign-in, links, API tokens) or answer installation-wide questions.
     */
    public <T> T unrestricted(Supplier<T> work) {
        // A connection bound to a running transaction was fenced when it was taken; lift it locally.
        Connection bound = TransactionSynchronizationManager.hasResource(dataSource)
                ? DataSourceUtils.getConnection(dataSource) : null;
        String before = currentValue();
        int[] depth = UNRESTRICTED.get();
        depth[0]++;
        try {
            if (bound != null) {
                setLocal(bound, "");
            }
            return work.get();
        } finally {
            depth[0]--;
            if (depth[0] == 0) {
                UNRESTRICTED.remove();
            }
            if (bound != null && !before.isEmpty()) {
                try {
                    setLocal(bound, before);
                } catch (RuntimeException e) {
                    // A failed transaction is rolled back, which undoes the local setting anyway.
                    log.debug("Could not restore the practice fence on a failed transaction: {}", e.getMessage());
                }
            }
            if (bound != null) {
                DataSourceUtils.releaseConnection(bound, dataSource);
            }
        }
    }

    public void unrestricted(Runnable work) {
        unrestricted(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs the session store's work ({@link SessionStore}) on connections that keep whatever setting
     * they have: the session tables carry no practice's rows and no row-level security, and nothing
     * else is read in it. Working the practice out for them would load the session being loaded.
     */
    static <T> T keepingSetting(Supplier<T> work) {
        int[] depth = KEEPING.get();
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
            if (depth[0] == 0) {
                KEEPING.remove();
            }
        }
    }

    static void keepingSetting(Runnable work) {
        keepingSetting(() -> {
            work.run();
            return null;
        });
    }

    /** Whether a connection taken now keeps its setting (see {@link #keepingSetting}). */
    static boolean keepsSetting() {
        return KEEPING.get()[0] > 0;
    }

    /** The value the setting should have for a connection taken now on this thread. */
    static String currentValue() {
        if (UNRESTRICTED.get()[0] > 0) {
            return "";
        }
        boolean[] resolving = RESOLVING.get();
        if (resolving[0]) {
            return "";
        }
        resolving[0] = true;
        try {
            Actor actor = AccessInterceptor.currentActor();
            return actor == null ? "" : actor.practiceId().toString();
        } finally {
            resolving[0] = false;
        }
    }

    static void apply(Connection connection, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SET_SQL)) {
            s.setString(1, value);
            s.execute();
        }
    }

    private static void setLocal(Connection connection, String value) {
        try (PreparedStatement s = connection.prepareStatement(SET_LOCAL_SQL)) {
            s.setString(1, value);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the practice fence", e);
        }
    }
}
