package app.carryover.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import app.carryover.practice.PracticeProvisioning;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.FreshDatabase;

/** Demo mode seeds a practice with people, goals and weeks of history, and never runs beside a real practice. */
@CarryoverTest
@FreshDatabase
@TestPropertySource(properties = "carryover.demo=true")
class DemoModeTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeeder seeder;
    @Autowired
    PracticeProvisioning provisioning;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoPracticeHasTwoTherapistsSixClientsAndWeeksOfHistory() {
        assertThat(count("SELECT count(*) FROM practice WHERE is_demo")).isOne();
        assertThat(count("SELECT count(*) FROM account WHERE 'CLINICIAN' = ANY (roles)")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM client")).isEqualTo(6);
        assertThat(count("SELECT count(DISTINCT client_id) FROM goal")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM therapy_session WHERE status = 'HELD'")).isEqualTo(18);
        assertThat(count("SELECT count(*) FROM practice_entry")).isGreaterThan(60);
        assertThat(count("SELECT count(*) FROM homework_review")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM exposure_hierarchy")).isOne();
        assertThat(count("SELECT count(*) FROM setup_token")).as("no setup link in demo mode").isZero();
        seeder.run(null);
        assertThat(count("SELECT count(*) FROM client")).as("a restart does not seed twice").isEqualTo(6);
    }

    @Test
    void demoModeRefusesADatabaseWithARealPractice() {
        provisioning.createPractice("A real practice", ZoneId.of("Europe/London"), false, true);
        assertThatThrownBy(() -> seeder.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to run on a database that holds a real practice");
    }
}
