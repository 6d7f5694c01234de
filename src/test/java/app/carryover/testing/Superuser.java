package app.carryover.testing;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import app.carryover.system.BundledDatabase;

/** The test database's superuser, for tests that play an attacker with direct database access. */
public final class Superuser {

    private Superuser() {
    }

    public static void execute(String... statements) {
        TestEnvironment env = TestEnvironment.get();
        try {
            String password = Files.readString(env.dataDirectory().resolve("db/postgres-superuser.password")).trim();
            try (Connection c = DriverManager.getConnection(env.database().jdbcUrl(), "postgres", password);
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Superuser statement failed", e);
        }
    }

    static String database() {
        return BundledDatabase.DATABASE;
    }
}
