package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled PostgreSQL outlives neither a killed Carryover nor its own death: a server left
 * running by a process killed with SIGKILL is stopped cleanly at the next start, and a server
 * that stops underneath the application is started again by the watchdog.
 */
class BundledRecoveryTests {

    @Test
    void startsAgainAfterTheProcessThatRanItWasKilled(@TempDir Path dataDir) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldBundledDatabase.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        long orphan = readyPid(holder);
        holder.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlived its parent")
                .contains(true);

        try (BundledDatabase again = BundledDatabase.start(dataDir, true)) {
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the left-over server").isEmpty();
            assertThat(notes(again)).isEqualTo("written before the kill");
        }
    }

    @Test
    void aSecondCarryoverOnTheSameDirectoryIsRefused(@TempDir Path dataDir) {
        try (BundledDatabase first = BundledDatabase.start(dataDir, false)) {
            assertThatThrownBy(() -> BundledDatabase.start(dataDir, false))
                    .hasMessageContaining("Another Carryover is already running with the data directory");
            assertThat(first.serverProcess()).as("the first one's server").isPresent();
        }
    }

    @Test
    void watchdogStartsTheServerAgainWhenItDiesUnderneath(@TempDir Path dataDir) throws Exception {
        try (BundledDatabase database = BundledDatabase.start(dataDir, true)) {
            try (Connection c = connect(database); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('written before the server died')");
            }
            ProcessHandle server = database.serverProcess().orElseThrow();
            server.destroyForcibly();
            assertThat(BundledServerProcess.awaitExit(server, Duration.ofSeconds(30))).isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String note = null;
            while (note == null && System.nanoTime() < deadline) {
                try {
                    note = notes(database);
                } catch (SQLException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(note).isEqualTo("written before the server died");
            // The server answers a moment before the watchdog has recorded its new process.
            while (database.serverProcess().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(database.serverProcess().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(server.pid()));
        }
    }

    private static long readyPid(Process holder) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Long.parseLong(line.substring(6).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The holding process ended before its database was ready:\n" + seen);
    }

    private static Connection connect(BundledDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String notes(BundledDatabase database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
