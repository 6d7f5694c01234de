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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.measures.Measure;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Benchmark (skipped unless {@code -Dcarryover.bench=true}; see bench/fhir/run.sh): the FHIR read
 * API's {@code Patient/{id}/$everything} with an API token, for a client with a year of weekly
 * sessions and daily practice on three assignments (mood tracker worksheet and two quick logs),
 * seeded through the real services on the bundled PostgreSQL. The target: p95 ≤ 300 ms.
 */
@CarryoverTest
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
class FhirEverythingBenchmark {

    static final int WEEKS = 52;
    static final int WARMUP = 10;
    static final int RUNS = 60;

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

    @Test
    void everythingForAYearOfPractice() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: run bench/fhir/run.sh");
        clock.set(Instant.parse("2025-03-04T09:00:00Z"));
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
        Random random = new Random(42);
        clock.set(weekly.get(0).startsAt().plusSeconds(600));
        sessions.setStatus(clinician, clientId, weekly.get(0).id(), SessionStatus.HELD);
        List<Assignment> current = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            current.add(assignments.compose(clinician, clientId, new AssignmentDraft(a == 0 ? "Mood tracker" : "Practice " + a,
                    "Practise for ten minutes and note how it went.", "To build the habit.", false, List.of(goal),
                    weekly.get(0).id(), a == 0 ? "mood-tracker" : null, Dose.perDay(1), null, null, 3, null)));
        }
        int entries = 0;
        for (int w = 1; w <= WEEKS; w++) {
            TherapySession session = weekly.get(w);
            for (int day = 1; day <= 6; day++) {
                Instant at = weekly.get(w - 1).startsAt().plus(Duration.ofDays(day)).plus(Duration.ofHours(-8));
                clock.set(at.plusSeconds(60));
                for (Assignment a : current) {
                    if (random.nextInt(10) < 8) {
                        log.log(client, a.id(), new EntryInput(UUID.randomUUID(), at, a.usesWorksheet() ? null : random.nextInt(11),
                                null, a.usesWorksheet() ? "{\"mood\":" + random.nextInt(11) + ",\"anxiety\":" + random.nextInt(11) + "}" : null));
                        entries++;
                    }
                }
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
        clock.reset();
        WebSession web = WebSession.signIn(mvc, practice.clinician(), clock);
        clock.advance(Duration.ofSeconds(31));
        String token = WebSession.apiTokenIn(web.createApiToken(practice.clinician(), clock, "bench", true)
                .getResponse().getContentAsString());
        String path = "/fhir/r4/Patient/" + clientId + "/$everything?_count=1000";
        int resources = 0;
        for (int i = 0; i < WARMUP; i++) {
            String body = call(path, token);
            resources = body.split("\"fullUrl\"", -1).length - 1;
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call(path, token);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String row = String.format("| %s | FHIR $everything with an API token (MockMvc), a year: %d entries, first page of %d resources, %d runs after %d warm-up | %d cores, %s, load %.1f at the end | %.1f / %.1f / %.1f ms (p95 %.1f ms) | %s |%n",
                LocalDate.now(ZoneOffset.UTC), entries, resources, RUNS, WARMUP, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load, ms[0], ms[ms.length / 2], ms[ms.length - 1], p95,
                p95 <= 300 ? "p95 within the 300 ms target" : "p95 above the 300 ms target");
        System.out.print(row);
        Files.writeString(Path.of("docs", "benchmarks.md"), row, StandardOpenOption.APPEND);
    }

    private String call(String path, String token) throws Exception {
        var response = mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(path + " answered " + response.getStatus());
        }
        return response.getContentAsString();
    }
}
