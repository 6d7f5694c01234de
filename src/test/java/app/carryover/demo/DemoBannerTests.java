package app.carryover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the demo's log says on start: who to sign in as, and what differs from a real practice. */
class DemoBannerTests {

    @Test
    void theBannerSaysTheSecondFactorIsOffAndWhereLinksGoWithoutAMailServer() {
        String banner = DemoSeeder.banner("http://localhost:8080", false);
        assertThat(banner).contains("Open http://localhost:8080 and sign in with any of these; the password is \"try carryover today\".")
                .contains("maya@demo.carryover.test").contains("admin and therapist (Maya Lindqvist)")
                .contains("Second factor: OFF in this demo practice, so the therapists sign in with the password alone.")
                .contains("no mail server is set up (CARRYOVER_SMTP_HOST), so nothing is e-mailed")
                .contains("Demo data only: never enter real client information here.");
        assertThat(DemoSeeder.banner("http://localhost:8080", true))
                .contains("Second factor: OFF").contains("sent through the configured mail server")
                .doesNotContain("no mail server");
    }
}
