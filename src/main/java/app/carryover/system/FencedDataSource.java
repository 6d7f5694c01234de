package app.carryover.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets the practice fence ({@link PracticeFence}) on every connection it hands out, always, so a
 * pooled connection never keeps an earlier request's practice. The setting is made outside any
 * transaction (the pool hands out connections in auto-commit), so no rollback can undo it.
 */
final class FencedDataSource extends DelegatingDataSource {

    FencedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return fenced(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return fenced(super.getConnection(username, password));
    }

    private static Connection fenced(Connection connection) throws SQLException {
        try {
            PracticeFence.apply(connection, PracticeFence.currentValue());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
