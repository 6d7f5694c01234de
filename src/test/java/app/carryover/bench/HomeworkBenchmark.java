package app.carryover.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Briefs;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Benchmark (not a timed test; skipped unless {@code -Dcarryover.bench=true}, see bench/homework/run.sh):
 * the session-start review and the pre-session brief for a client with a year of daily practice on
 * five assignments, seeded through the real services on the bundled PostgreSQL.
 */
@CarryoverTest
// The tests' MockMvc writes every request's model and body into a buffer, to print when a test fails: that
// is the harness's work, not the server's, and it roughly doubled the page figures. The benchmark turns it off.
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
class HomeworkBenchmark {

    static final int WEEKS = 52;
    static final int ASSIGNMENTS = 5;
    static final int WARMUP = 100;
    static final int RUNS = 400;

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Goals goals;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    Briefs briefs;

    @Test
    void reviewAndBriefForAYearOfDailyPractice() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: run bench/homework/run.sh");
        Instant start = Instant.parse("2025-03-04T09:00:00Z");
        clock.set(start);
        Fixtures.TestPractice practice = Fixtures.practice(context);
        Actor clinician = practice.clinician().actor();
        Actor client = practice.client().actor();
        UUID clientId = practice.client().clientId();
        UUID goal = goals.create(clinician, clientId, new GoalDraft("Feel calmer at work", null, GoalTarget.Kind.MEASURE,
                Measure.GAD7, GoalTarget.Comparator.BELOW, new BigDecimal("10"), null, new BigDecimal("15"), null)).id();
        List<TherapySession> weekly = new ArrayList<>();
        for (int w = 0; w <= WEEKS + 1; w++) {
            weekly.add(sessions.schedule(clinician, clientId, LocalDateTime.of(2025, 3, 4, 17, 0).plusWeeks(w), 50));
        }
        long seeding = System.nanoTime();
        Random random = new Random(42);
        List<Assignment> current = new ArrayList<>();
        clock.set(weekly.get(0).startsAt().plusSeconds(600));
        sessions.setStatus(clinician, clientId, weekly.get(0).id(), SessionStatus.HELD);
        for (int a = 0; a < ASSIGNMENTS; a++) {
            current.add(assignments.compose(clinician, clientId, new AssignmentDraft("Practice " + (a + 1),
                    "Practise skill " + (a + 1) + " for ten minutes and rate how it went 0-10.", "To build the habit.", false,
                    List.of(goal), weekly.get(0).id(), null, Dose.perDay(1), null, null, 4, null)));
        }
        int entries = 0;
        for (int w = 1; w <= WEEKS; w++) {
            TherapySession session = weekly.get(w);
            for (int day = 1; day <= 6; day++) {
                Instant at = weekly.get(w - 1).startsAt().plus(Duration.ofDays(day)).plus(Duration.ofHours(-8));
                clock.set(at.plusSeconds(60));
                for (Assignment a : current) {
                    if (random.nextInt(10) < 8) {
                        log.log(client, a.id(), new EntryInput(UUID.randomUUID(), at, random.nextInt(11),
                                random.nextInt(5) == 0 ? "A note about day " + day : null, null));
                        entries++;
                    }
                }
            }
            clock.set(session.startsAt().minusSeconds(3600));
            for (Assignment a : current) {
                reviews.reflect(client, a.id(), new HomeworkReviews.ReflectionInput("Learned something in week " + w,
                        "Busy days", List.of(Obstacle.NO_TIME), 3));
            }
            clock.set(session.startsAt().plusSeconds(600));
            sessions.setStatus(clinician, clientId, session.id(), SessionStatus.HELD);
            if (w == WEEKS) {
                break;
            }
            List<Assignment> next = new ArrayList<>();
            for (Assignment a : current) {
                var review = reviews.decide(clinician, clientId, session.id(), a.id(), new HomeworkReviews.ReviewInput(
                        ReviewDecision.CONTINUE, 3, 3, List.of(Obstacle.NO_TIME), null, "Keep going"));
                next.add(assignments.get(clinician, clientId, review.nextAssignmentId()));
            }
            current = next;
        }
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        TherapySession reviewed = weekly.get(WEEKS);
        TherapySession upcoming = weekly.get(WEEKS + 1);
        System.out.printf("seeded %d weeks, %d assignments, %d entries in %.1f s%n", WEEKS, WEEKS * ASSIGNMENTS, entries, seedSeconds);

        double[] review = time(() -> reviews.screen(clinician, clientId, reviewed.id()));
        double[] brief = time(() -> briefs.brief(clinician, clientId, upcoming.id()));
        clock.set(Instant.now());
        clock.reset();
        WebSession web = WebSession.signIn(mvc, practice.clinician(), clock);
        String base = "/clients/" + clientId + "/sessions/";
        double[] reviewPage = time(() -> perform(web, base + reviewed.id()));
        double[] briefPage = time(() -> perform(web, base + upcoming.id() + "/brief"));
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                + ", durable PostgreSQL " + Boolean.getBoolean("carryover.test.durable") + ", " + entries + " entries";
        append("session-start review (service)", machine, review);
        append("pre-session brief (service)", machine, brief);
        append("session screen with review, GET page (MockMvc)", machine, reviewPage);
        append("pre-session brief, GET page (MockMvc)", machine, briefPage);
    }

    private static Object perform(WebSession web, String path) {
        try {
            int status = web.perform(get(path)).getResponse().getStatus();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            return status;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds of each run after a warm-up, sorted. */
    private static double[] time(Supplier<Object> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void append(String what, String machine, double[] ms) throws IOException {
        double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
        String row = String.format("| %s | %s, %d runs after %d warm-up | %s | %.1f / %.1f / %.1f ms (p95 %.1f ms) | %s |%n",
                LocalDate.now(ZoneOffset.UTC), what, ms.length, WARMUP, machine, ms[0], ms[ms.length / 2], ms[ms.length - 1],
                p95, p95 <= 25 ? "p95 within the 25 ms target" : "p95 above the 25 ms target");
        System.out.print(row);
        Files.writeString(Path.of("docs", "benchmarks.md"), row, StandardOpenOption.APPEND);
    }
}
