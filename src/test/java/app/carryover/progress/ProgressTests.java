package app.carryover.progress;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.Caseload;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.Measures;
import app.carryover.practice.PracticeProvisioning;
import app.carryover.system.Actor;
import app.carryover.system.Role;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Progress as the clinician, the client and the practice see it, on the real database: scores and
 * their change by the published criteria, practice per week beside the next week's change, charts
 * with their tables and downloads, and adherence against outcome over a caseload with its CSV.
 */
@CarryoverTest
class ProgressTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Measures measures;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;

    Clinic clinic;
    TestPractice practice;
    Actor clinician;

    @BeforeEach
    void aPractice(Clinic clinic) {
        this.clinic = clinic;
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        practice = clinic.practice();
        clinician = practice.clinician().actor();
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** A PHQ-9 with this total given in session (question 9 always 0, so no alert). */
    void phq9(UUID clientId, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < 8; i++) {
            int v = Math.min(3, left);
            answers.add(v);
            left -= v;
        }
        answers.add(0);
        answers.add(null);
        measures.administer(clinician, clientId, "PHQ9", new Measures.AnswerInput(UUID.randomUUID(), answers, null));
    }

    /** A daily practice for the week of 2 March 2026 (due on the 9th), logged on the first {@code days} days. */
    Assignment practisedOn(UUID clientId, Actor client, int days) {
        at("2026-03-02T09:30:00Z");
        Assignment a = assignments.compose(clinician, clientId, draft("Evening walk",
                "Walk for 20 minutes after dinner.").rationale("Moving lifts the mood.")
                .starting(LocalDate.of(2026, 3, 2)).due(LocalDate.of(2026, 3, 9)).difficulty(2).build());
        for (int d = 0; d < days; d++) {
            Instant when = Instant.parse("2026-03-02T19:00:00Z").plusSeconds(86_400L * d);
            clock.set(when);
            log.log(client, a.id(), entry().at(when).build());
        }
        return a;
    }

    void rateQuality(UUID clientId, Assignment a, int quality) {
        measures.rateHomeworkAsClinician(clinician, clientId, a.id(), new Measures.AnswerInput(UUID.randomUUID(),
                List.of(3, quality, 3, 2), null));
    }

    @Test
    void theClinicianSeesScoresChangeByTheNamedCriteriaAChartWithItsTableAndPracticeBesideTheNextWeek() throws Exception {
        UUID kim = practice.client().clientId();
        at("2026-03-02T09:00:00Z");
        phq9(kim, 16);
        practisedOn(kim, practice.client().actor(), 5);
        at("2026-03-10T09:00:00Z");
        phq9(kim, 9);
        at("2026-03-12T09:00:00Z");

        WebSession web = clinic.signIn(practice.clinician());
        String page = web.read("/clients/" + kim + "/progress");
        assertThat(page).contains("Progress: Kim Client")
                .contains("PHQ-9 16 → 9, down 7 (better) since the first score; down 7 (better) since the one before.")
                .contains("Reliable improvement (reliable: a change of 6 or more, NHS Talking Therapies).")
                .contains("Reliable recovery (caseness: 10 or more).")
                .contains("a reliable change is 6 or more points on the PHQ-9 and 4 or more on the GAD-7");
        // the table beside the chart, with years
        assertThat(page).contains("PHQ-9 scores, oldest first Date Score Band 2 March 2026 16 moderately severe 10 March 2026 9 mild");
        // the week of 2 March: 5 of 7 daily walks done, PHQ-9 16 at its end, 9 a week later; the due day (9 March)
        // counts in the week after, as the assignment's own adherence counts it
        assertThat(page).contains("2 March 2026 71% (5 of 7) — 16 9 -7 9 March 2026 0% (0 of 1) — 9 — —");

        String html = web.perform(get("/clients/" + kim + "/progress")).getResponse().getContentAsString();
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<title id=\"chart-phq9-title\">PHQ-9 scores over time</title>")
                .contains("<title>2 Mar 2026: 16 (moderately severe)</title>").contains("<title>10 Mar 2026: 9 (mild)</title>")
                .doesNotContain("style=").doesNotContainPattern("<script(?![^>]*\\bsrc=)");

        MvcResult svg = web.perform(get("/clients/" + kim + "/progress/PHQ9.svg"));
        assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(svg.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".svg");
        assertThat(svg.getResponse().getContentAsString()).startsWith("<?xml").contains("minimal 0–4").contains("severe 20–27");
        MvcResult weeks = web.perform(get("/clients/" + kim + "/progress/adherence.svg"));
        assertThat(weeks.getResponse().getContentAsString()).contains("Week of 2 Mar 2026: 71% of the dose done");
        assertThat(web.perform(get("/clients/" + kim + "/progress/GAD7.svg")).getResponse().getStatus()).isEqualTo(404);

        String api = web.perform(get("/api/v1/clients/" + kim + "/progress")).getResponse().getContentAsString();
        assertThat(api).contains("\"instrument\":\"PHQ9\"").contains("\"loincTotal\":\"44261-6\"")
                .contains("\"status\":\"RELIABLE_IMPROVEMENT\"").contains("\"recovery\":\"RELIABLE_RECOVERY\"")
                .contains("\"nextChange\":-7");

        // the page was opened twice above (read as text, then as HTML): each opening is audited
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND client_id = ? AND subject = 'progress page'")
                .params(practice.id(), kim).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theClientSeesTheirOwnProgressInPlainWordsWithoutTheClinicianRatings() throws Exception {
        UUID kim = practice.client().clientId();
        at("2026-03-02T09:00:00Z");
        phq9(kim, 16);
        Assignment walk = practisedOn(kim, practice.client().actor(), 7);
        at("2026-03-10T09:00:00Z");
        phq9(kim, 17);
        rateQuality(kim, walk, 1);
        at("2026-03-12T09:00:00Z");

        WebSession client = clinic.signIn(practice.client());
        String page = client.read("/progress");
        assertThat(page).contains("My progress")
                .contains("Your latest PHQ-9 score is 17 of 27 (moderately severe). When you started it was 16: 1 higher.")
                .contains("2 March 2026 100%").doesNotContain("quality 1 of 4").doesNotContain("NHS Talking Therapies");
        String mine = client.perform(get("/progress/adherence.svg")).getResponse().getContentAsString();
        assertThat(mine).contains("Week of 2 Mar 2026: 100% of the dose done</title>").doesNotContain("quality");
        assertThat(client.perform(get("/api/v1/me/progress")).getResponse().getContentAsString())
                .contains("\"quality\":null");

        WebSession desk = clinic.signIn(practice.clinician());
        assertThat(desk.perform(get("/clients/" + kim + "/progress/adherence.svg")).getResponse().getContentAsString())
                .contains("Week of 2 Mar 2026: 100% of the dose done, quality 1 of 4");
        assertThat(client.perform(get("/clients/" + kim + "/progress")).getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.perform(get("/clients/" + practice.otherClient().clientId() + "/progress")).getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void adherenceIsSetAgainstImprovementOverTheCaseloadWithSpearmanItsIntervalAndTheReference() throws Exception {
        PracticeProvisioning provisioning = context.getBean(PracticeProvisioning.class);
        Caseload caseload = context.getBean(Caseload.class);
        int[] days = {1, 2, 3, 4, 5, 6};
        int[] improvement = {1, 3, 2, 5, 4, 6};
        int[] quality = {0, 1, 1, 2, 3, 4};
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            UUID clientId;
            Actor actor;
            if (i == 0) {
                clientId = practice.client().clientId();
                actor = practice.client().actor();
            } else {
                String email = "progress-" + i + "-" + UUID.randomUUID() + "@example.org";
                UUID account = provisioning.addAccount(practice.id(), email, "Client " + i, EnumSet.of(Role.CLIENT),
                        Fixtures.PASSWORD);
                clientId = caseload.admit(practice.id(), account, "Client " + i, ZoneId.of("Europe/London"),
                        practice.clinician().accountId()).id();
                actor = new Actor(practice.id(), account, email, "Client " + i, EnumSet.of(Role.CLIENT), clientId, false);
            }
            clients.add(clientId);
            at("2026-03-02T09:00:00Z");
            phq9(clientId, 20);
            Assignment a = practisedOn(clientId, actor, days[i]);
            at("2026-03-10T09:00:00Z");
            phq9(clientId, 20 - improvement[i]);
            rateQuality(clientId, a, quality[i]);
        }
        at("2026-03-12T09:00:00Z");

        WebSession web = clinic.signIn(practice.clinician());
        String page = web.read("/caseload/progress?instrument=PHQ9&weeks=4");
        // 1 - 6·4/(6·35) = 0.886 by hand; quality ties at 1: 16/sqrt(17·17.5) = 0.928
        assertThat(page).contains("Practice and outcome across my caseload")
                .contains("How much was done, against improvement r = 0.89 (95% interval")
                .contains("How well it was done, against improvement r = 0.93 (95% interval")
                .contains("n = 6").contains("Mausbach et al. 2010: r = .26")
                .contains("it does not show that practice caused the change")
                .contains("6 clients in the group; 6 had homework or scores in the period.")
                .doesNotContain("Kim Client");

        MvcResult csv = web.perform(get("/caseload/progress.csv").param("instrument", "PHQ9").param("weeks", "4"));
        String text = csv.getResponse().getContentAsString();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(text.lines().toList()).hasSize(7).first().isEqualTo(AssociationCsv.HEADER);
        String kimRow = OutcomeAssociation.pseudonym(practice.id(), clients.get(0))
                + ",2026-02-12,2026-03-12,PHQ9,44261-6,2,20,19,1,12.5,0.0,8.0,1.0";
        assertThat(text).contains(kimRow).doesNotContain(clients.get(0).toString());
        assertThat(web.perform(get("/caseload/progress.csv").param("weeks", "4").param("ids", "record")).getResponse()
                .getContentAsString()).contains(clients.get(0) + ",2026-02-12");

        // a narrower category leaves no one: the walks were quick logs
        assertThat(web.read("/caseload/progress?instrument=PHQ9&weeks=4&category=exposure"))
                .contains("too few clients for a figure (n = 0; at least 5 needed)");
        assertThat(web.read("/caseload/progress?instrument=PHQ9&weeks=4&category=quick_log")).contains("r = 0.89");

        MvcResult bad = web.perform(get("/caseload/progress").param("instrument", "NOPE").param("weeks", "two"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(bad)).contains("Score: is not a questionnaire or rating with a score here")
                .contains("Weeks back: must be from 4 to 104");
        assertThat(bad.getResponse().getContentAsString()).contains("value=\"two\"");
        MvcResult apiBad = web.perform(get("/api/v1/caseload/association").param("weeks", "200"));
        assertThat(apiBad.getResponse().getStatus()).isEqualTo(400);
        assertThat(apiBad.getResponse().getContentAsString()).contains("weeks");

        String api = web.perform(get("/api/v1/caseload/association").param("weeks", "4")).getResponse().getContentAsString();
        assertThat(api).contains("\"n\":6").contains("\"referenceR\":0.26").contains("\"caution\":");

        WebSession admin = clinic.signIn(practice.admin());
        assertThat(admin.read("/admin/progress?weeks=4")).contains("Practice and outcome across the practice")
                .contains("r = 0.89").doesNotContain("Kim Client");
        assertThat(admin.perform(get("/caseload/progress")).getResponse().getStatus()).isEqualTo(403);
        assertThat(web.perform(get("/admin/progress")).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theCaseloadPutsOpenRiskAlertsFirstAndShowsEachClientsLastScoreTrendAndReliableChange() throws Exception {
        UUID kim = practice.client().clientId();
        at("2026-03-02T09:00:00Z");
        phq9(kim, 16);
        at("2026-03-10T09:00:00Z");
        phq9(kim, 9);
        PracticeProvisioning provisioning = context.getBean(PracticeProvisioning.class);
        String email = "zed-" + UUID.randomUUID() + "@example.org";
        UUID account = provisioning.addAccount(practice.id(), email, "Zed Atrisk", EnumSet.of(Role.CLIENT), Fixtures.PASSWORD);
        UUID zed = context.getBean(Caseload.class).admit(practice.id(), account, "Zed Atrisk", ZoneId.of("Europe/London"),
                practice.clinician().accountId()).id();
        Actor zedActor = new Actor(practice.id(), account, email, "Zed Atrisk", EnumSet.of(Role.CLIENT), zed, false);
        List<Integer> risky = new ArrayList<>(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
        risky.add(null);
        measures.answer(zedActor, "PHQ9", new Measures.AnswerInput(UUID.randomUUID(), risky, null));
        at("2026-03-12T09:00:00Z");

        String page = clinic.signIn(practice.clinician()).read("/caseload");
        assertThat(page).contains("Zed Atrisk open risk alert PHQ-9 9 (mild) — only one score so far")
                .contains("Kim Client PHQ-9 9 (mild) — down 7 (better) since the one before · reliable improvement");
        assertThat(page.indexOf("Zed Atrisk open risk alert")).isLessThan(page.indexOf("Kim Client PHQ-9"));
    }
}
