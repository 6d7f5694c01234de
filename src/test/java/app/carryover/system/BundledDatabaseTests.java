package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled PostgreSQL as a production start gets it: durable, private, and kept across restarts. */
class BundledDatabaseTests {

    @TempDir
    static Path dataDir;

    static BundledDatabase database;

    @BeforeAll
    static void start() {
        database = BundledDatabase.start(dataDir, true);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void runningServerReportsDurableSettingsOn() throws SQLException {
        try (Connection c = appConnection(); Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void listensOnLoopbackOnlyAndApplicationRoleIsNotSuperuser() throws SQLException {
        try (Connection c = appConnection(); Statement s = c.createStatement()) {
            assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
            try (ResultSet rs = s.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("create role").isFalse();
                assertThat(rs.getBoolean(3)).as("create db").isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'")) {
                rs.next();
                assertThat(rs.getString(1)).as("owner of the schema").isEqualTo(BundledDatabase.APP_ROLE);
            }
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void accessRulesAllowPasswordsOnlyAndSecretsAreOwnerOnly() throws Exception {
        String hba = Files.readString(dataDir.resolve("postgres/pg_hba.conf"));
        assertThat(hba.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .isNotEmpty()
                .allMatch(l -> l.trim().endsWith("scram-sha-256"));
        for (String file : new String[] {"postgres-superuser.password", "postgres-carryover.password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        String superuserPassword = Files.readString(dataDir.resolve("postgres-superuser.password")).trim();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", superuserPassword);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("superuser password stored as SCRAM").isTrue();
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (Connection c = appConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survives (note text)");
            s.execute("INSERT INTO survives VALUES ('written before the restart')");
        }
        database.close();
        database = BundledDatabase.start(dataDir, true);
        try (Connection c = appConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM survives")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the restart");
        }
    }

    private static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
