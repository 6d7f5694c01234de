package app.carryover.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import app.carryover.system.Actor;
import app.carryover.system.Role;
import app.carryover.testing.TestEnvironment;

/** An installation with rows from the old, unkeyed chain upgrades: the first seal of each practice covers them. */
class AuditUpgradeTests {

    @Test
    void rowsFromBeforeTheKeyedChainAreCoveredByTheFirstSealAndNewRowsFollowThem() {
        TestEnvironment env = TestEnvironment.get();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(env.newEmptyDatabase());
        ds.setUser(env.database().username());
        ds.setPassword(env.database().password());
        migrate(ds, "43?");

        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        JdbcClient jdbc = JdbcClient.create(ds);
        for (int seq = 1; seq <= 3; seq++) {
            legacyRow(jdbc, a, seq);
        }
        legacyRow(jdbc, b, 1);
        migrate(ds, "latest");

        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        AuditKey key = new AuditKey(bytes);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
        AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC(), key, transactions);
        Actor admin = new Actor(a, UUID.randomUUID(), "ada@example.org", "Ada", java.util.Set.of(Role.ADMIN), null, false);
        trail.recordNow(AuditEntry.by(admin, null, AuditAction.SETTINGS, "practice settings", null, "after the upgrade"));
        assertThat(jdbc.sql("SELECT seq FROM audit_event WHERE detail = 'after the upgrade'").query(Long.class).single())
                .as("new rows are numbered after the old ones").isGreaterThan(3);

        AuditSealer sealer = new AuditSealer(jdbc, new JdbcTemplate(ds), key, Clock.systemUTC(), transactions,
                new SealPublisher((java.net.URI) null, null), new AuditSettings(null, null, Duration.ofSeconds(2), 1000));
        assertThat(sealer.sealPending()).extracting(AuditSealer.Seal::practiceId, AuditSealer.Seal::rows)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, 4), org.assertj.core.groups.Tuple.tuple(b, 1));

        AuditLog.Verification v = new Verifier(jdbc, key, a).verify(null);
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isEqualTo(4);
        assertThat(v.sealedRows()).isEqualTo(4);
        assertThat(v.lastSealNo()).isEqualTo(1);
    }

    private static void legacyRow(JdbcClient jdbc, UUID practice, int seq) {
        jdbc.sql("""
                INSERT INTO audit_event (practice_id, seq, at, actor_label, action, subject, detail, prev_hash, hash)
                VALUES (?, ?, now(), 'Ada (admin)', 'READ', 'client record', 'before the upgrade', ?, ?)""")
                .params(practice, seq, new byte[32], new byte[32]).update();
    }

    private static void migrate(DataSource ds, String target) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target).load().migrate();
    }
}
