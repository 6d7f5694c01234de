package app.carryover.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import app.carryover.goals.Goal;
import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.StatementCounter;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * What each hot request asks of the database, counted on the request's thread (statements,
 * transactions, pool checkouts), so a repeat crept back in shows up here rather than in a benchmark.
 */
@CarryoverTest
class RequestCostTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Goals goals;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestPractice practice;
    UUID clientId;
    TherapySession held;
    TherapySession next;
    Assignment assignment;
    WebSession client;
    WebSession clinician;

    @BeforeEach
    void aClientWithHomework() throws Exception {
        practice = Fixtures.practice(context);
        Actor therapist = practice.clinician().actor();
        clientId = practice.client().clientId();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/London")).withSecond(0).withNano(0);
        Goal goal = goals.create(therapist, clientId, new GoalDraft("Feel calmer at work", "So I can enjoy my job again",
                GoalTarget.Kind.MEASURE, Measure.GAD7, GoalTarget.Comparator.BELOW, new BigDecimal("10"), null,
                new BigDecimal("15"), LocalDate.now().plusMonths(3)));
        held = sessions.schedule(therapist, clientId, now.minusHours(1), 50);
        next = sessions.schedule(therapist, clientId, now.plusDays(7), 50);
        sessions.setStatus(therapist, clientId, held.id(), SessionStatus.HELD);
        assignment = assignments.compose(therapist, clientId, new AssignmentDraft("Slow breathing",
                "Breathe in for 4, out for 6, for five minutes, then rate your calm 0-10.",
                "So you notice that slowing your breath lowers the alarm.", false, List.of(goal.id()), held.id(), null,
                Dose.perDay(1), LocalDate.now(), null, 4, null));
        client = WebSession.signIn(mvc, practice.client(), clock);
        clinician = WebSession.signIn(mvc, practice.clinician(), clock);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    private StatementCounter.Counts cost(WebSession who, AbstractMockHttpServletRequestBuilder<?> request, int status)
            throws Exception {
        MvcResult[] result = new MvcResult[1];
        StatementCounter.Counts counts = StatementCounter.count(() -> result[0] = who.perform(request));
        assertThat(result[0].getResponse().getStatus()).as(result[0].getResponse().getContentAsString()).isEqualTo(status);
        return counts;
    }

    private MockRequest entry() {
        return new MockRequest(post("/api/v1/me/assignments/" + assignment.id() + "/entries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clientEntryId\":\"" + UUID.randomUUID() + "\",\"rating\":7}"));
    }

    private record MockRequest(AbstractMockHttpServletRequestBuilder<?> builder) {
    }

    private static final String LAST_ACCESS =
            "SELECT max(last_access_time) FROM spring_session WHERE principal_name = ?";

    private static long matching(StatementCounter.Counts counts, String text) {
        return counts.sql().stream().filter(sql -> sql.contains(text)).count();
    }

    @Test
    void anEntryIsOneTransactionOfWritesWithTheSessionReadOnceAndNotWritten() throws Exception {
        cost(client, entry().builder(), 201); // warm
        StatementCounter.Counts post = cost(client, entry().builder(), 201);
        // Was 16 statements in 10 transactions: the session read three times (re-entered by the practice fence,
        // then again after Spring Session's own commit), its access time written on every request, the practice
        // fence set twice, the consent gate's 3 reads, a retry check and a read-back of the stored entry.
        assertThat(matching(post, "FROM SPRING_SESSION")).as(post.toString()).isEqualTo(1);
        assertThat(matching(post, "UPDATE SPRING_SESSION")).as(post.toString()).isZero();
        assertThat(matching(post, "INSERT INTO audit_event")).as(post.toString()).isEqualTo(1);
        assertThat(matching(post, "INSERT INTO practice_entry")).as(post.toString()).isEqualTo(1);
        assertThat(matching(post, "set_config")).as(post.toString()).isLessThanOrEqualTo(1);
        // 10 and 6 since the session guard (issue 15): one read of the account's status, roles and session
        // generation and the practice's session lifetime on every signed-in request, so a disabled account,
        // ended sessions and the absolute lifetime take effect at the next request rather than at the next
        // sign-in. It is one indexed read in its own autocommit transaction; everything else is as before.
        assertThat(matching(post, "FROM account a JOIN practice p")).as(post.toString()).isEqualTo(1);
        assertThat(post.statements()).as(post.toString()).isLessThanOrEqualTo(10);
        assertThat(post.transactions()).as(post.toString()).isLessThanOrEqualTo(6);
    }

    @Test
    void theSessionsAccessTimeIsWrittenOnceItIsAMinuteOldNotOnEveryRequest() throws Exception {
        client.perform(get("/api/v1/me/assignments"));
        long stored = jdbc.sql(LAST_ACCESS)
                .param(practice.client().email()).query(Long.class).single();
        StatementCounter.Counts soon = cost(client, get("/api/v1/me/assignments"), 200);
        assertThat(matching(soon, "UPDATE SPRING_SESSION")).as(soon.toString()).isZero();
        assertThat(jdbc.sql(LAST_ACCESS)
                .param(practice.client().email()).query(Long.class).single()).isEqualTo(stored);

        // As if the last request was two minutes ago: this one is written, so the idle time-out counts from it.
        long twoMinutesAgo = System.currentTimeMillis() - 120_000;
        jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000 "
                + "WHERE principal_name = ?").params(twoMinutesAgo, twoMinutesAgo, practice.client().email()).update();
        long before = System.currentTimeMillis();
        StatementCounter.Counts later = cost(client, get("/api/v1/me/assignments"), 200);
        assertThat(matching(later, "UPDATE SPRING_SESSION")).as(later.toString()).isEqualTo(1);
        assertThat(matching(later, "FROM SPRING_SESSION")).as(later.toString()).isEqualTo(1);
        assertThat(jdbc.sql(LAST_ACCESS)
                .param(practice.client().email()).query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void whatEachHotRequestAsksOfTheDatabase() throws Exception {
        cost(client, entry().builder(), 201); // warm
        String c = "/clients/" + clientId;
        StringBuilder report = new StringBuilder();
        report.append("entry POST: ").append(cost(client, entry().builder(), 201)).append('\n');
        report.append("Today: ").append(cost(client, get("/today"), 200)).append('\n');
        report.append("own assignments API: ").append(cost(client, get("/api/v1/me/assignments"), 200)).append('\n');
        report.append("caseload: ").append(cost(clinician, get("/caseload"), 200)).append('\n');
        report.append("client overview: ").append(cost(clinician, get(c), 200)).append('\n');
        report.append("session screen: ").append(cost(clinician, get(c + "/sessions/" + next.id()), 200)).append('\n');
        report.append("brief: ").append(cost(clinician, get(c + "/sessions/" + next.id() + "/brief"), 200)).append('\n');
        report.append("assignments API: ").append(cost(clinician, get("/api/v1" + c + "/assignments"), 200)).append('\n');
        System.out.println("REQUEST COSTS\n" + report);
    }

    private static final String CLIENT_ROW = "SELECT * FROM client WHERE practice_id = ? AND id = ?";
    private static final String TEAM_ROLE = "SELECT team_role FROM care_team_member WHERE practice_id = ? AND client_id = ? AND clinician_id = ?";
    private static final String PRACTICE_ROW = "SELECT * FROM practice WHERE id = ?";
    private static final String TIMELINE = "WHERE p.practice_id = ? AND p.client_id = ? ORDER BY p.starts_at";
    private static final String CASELOAD_LIST = "SELECT c.* FROM client c JOIN care_team_member m";

    @Test
    void aPageLooksUpItsClientTeamRolePracticeAndTimelineOnce() throws Exception {
        cost(client, entry().builder(), 201); // warm
        String c = "/clients/" + clientId;
        // Were (main at 3028138): the client row 6 times on the overview and the session screen, the team role 5-7
        // times, the session timeline 2-3 times, the clinician's caseload twice on the caseload page.
        for (String page : List.of(c, c + "/sessions/" + next.id(), c + "/sessions/" + next.id() + "/brief", "/caseload")) {
            StatementCounter.Counts read = cost(clinician, get(page), 200);
            assertThat(matching(read, CLIENT_ROW)).as(page + ": " + read).isLessThanOrEqualTo(1);
            assertThat(matching(read, TEAM_ROLE)).as(page + ": " + read).isLessThanOrEqualTo(1);
            assertThat(matching(read, PRACTICE_ROW)).as(page + ": " + read).isLessThanOrEqualTo(1);
            assertThat(matching(read, TIMELINE)).as(page + ": " + read).isLessThanOrEqualTo(1);
            assertThat(matching(read, CASELOAD_LIST)).as(page + ": " + read).isLessThanOrEqualTo(1);
            assertThat(matching(read, "INSERT INTO audit_event")).as(page + ": " + read).isEqualTo(1);
        }
        StatementCounter.Counts today = cost(client, get("/today"), 200);
        assertThat(matching(today, CLIENT_ROW)).as(today.toString()).isLessThanOrEqualTo(1);
        assertThat(matching(today, PRACTICE_ROW)).as(today.toString()).isLessThanOrEqualTo(1);
        assertThat(matching(today, TIMELINE)).as(today.toString()).isLessThanOrEqualTo(1);
        assertThat(matching(today, "INSERT INTO audit_event")).as(today.toString()).isEqualTo(1);
    }

    @Test
    void aCaseloadRecordsEveryClientsReadInOneStatementAndLooksUpNoClientOneByOne() throws Exception {
        var provisioning = context.getBean(app.carryover.practice.PracticeProvisioning.class);
        var caseload = context.getBean(app.carryover.caseload.Caseload.class);
        context.getBean(app.carryover.caseload.CareTeams.class).assign(practice.admin().actor(),
                practice.otherClient().clientId(), practice.clinician().accountId(), app.carryover.caseload.TeamRole.CO_THERAPIST);
        List<UUID> mine = new java.util.ArrayList<>(List.of(clientId, practice.otherClient().clientId()));
        for (String name : List.of("Ravi Third", "Noor Fourth")) {
            UUID account = provisioning.addAccount(practice.id(), UUID.randomUUID() + "@example.org", name,
                    java.util.EnumSet.of(app.carryover.system.Role.CLIENT), app.carryover.testing.Fixtures.PASSWORD);
            mine.add(caseload.admit(practice.id(), account, name, ZoneId.of("Europe/London"),
                    practice.clinician().accountId()).id());
        }
        cost(clinician, get("/caseload"), 200); // warm
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
        StatementCounter.Counts read = cost(clinician, get("/caseload"), 200);
        // Was: per client, the client row and the team role looked up twice and an audit row in a commit of its own.
        assertThat(matching(read, "INSERT INTO audit_event")).as(read.toString()).isEqualTo(1);
        assertThat(matching(read, CLIENT_ROW)).as(read.toString()).isZero();
        assertThat(matching(read, TEAM_ROLE)).as(read.toString()).isZero();
        assertThat(matching(read, TIMELINE)).as(read.toString()).isEqualTo(mine.size());
        // Every client's read is still audited, once each, as the caseload's reads were.
        List<UUID> audited = jdbc.sql("SELECT client_id FROM audit_event WHERE practice_id = ? AND actor_id = ? AND action = 'READ' "
                + "AND seq > ? AND detail = 'GET /caseload'").params(practice.id(), practice.clinician().accountId(), before)
                .query(UUID.class).list();
        assertThat(audited).containsExactlyInAnyOrderElementsOf(mine);
        // and the page still lists them all
        String page = clinician.perform(get("/caseload")).getResponse().getContentAsString();
        assertThat(page).contains("Kim Client", "Lee Otherclient", "Ravi Third", "Noor Fourth");
    }
}
