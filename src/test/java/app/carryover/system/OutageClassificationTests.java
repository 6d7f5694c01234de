package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are answered 503 ("back in a moment") rather than 500: the outage drills found
 * requests in flight when the database went away answered 500, because a failed rollback on a closed
 * connection was not recognised.
 */
class OutageClassificationTests {

    @Test
    void aRollbackThatFailedOnAClosedConnectionIsAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("rendering the page failed", rollback)))
                .as("wrapped, as Thymeleaf wraps it while rendering").isTrue();
    }

    @Test
    void anApplicationExceptionOverriddenByARollbackExceptionIsJudgedByBoth() {
        TransactionSystemException commit = new TransactionSystemException("JDBC commit failed",
                new SQLException("I/O error", "08006"));
        assertThat(DatabaseOutage.isOutage(commit)).isTrue();

        TransactionSystemException overridden = new TransactionSystemException("Could not roll back",
                new SQLException("unknown"));
        overridden.initApplicationException(new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseOutage.isOutage(overridden)).isTrue();
    }

    @Test
    void ourOwnFaultsStay500() {
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalArgumentException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
