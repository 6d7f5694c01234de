package app.carryover.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A process that starts the bundled PostgreSQL, writes one row and waits to be killed: what a
 * Carryover killed with SIGKILL leaves behind ({@link BundledRecoveryTests}).
 */
final class HoldBundledDatabase {

    private HoldBundledDatabase() {
    }

    public static void main(String[] args) throws Exception {
        BundledDatabase database = BundledDatabase.start(Path.of(args[0]), true);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (note text)");
            s.execute("INSERT INTO kept VALUES ('written before the kill')");
        }
        System.out.println("READY " + database.serverProcess().map(ProcessHandle::pid).orElse(-1L));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
