package app.carryover.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.measures.Measures;
import app.carryover.progress.CaseloadOutcomes;
import app.carryover.progress.OutcomeAssociation;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Superuser;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Benchmarks (not timed tests; skipped unless {@code -Dcarryover.bench=true}, see bench/outcomes/run.sh) of
 * issue 12's two targets: the caseload dashboard for a clinician with 60 clients and a year of measures and
 * homework each (server-side p95 ≤ 50 ms), and the practice's adherence-against-outcome association over
 * 10,000 clients with a year each (≤ 2 s). A few clients are seeded through the real services — weekly
 * sessions held, a weekly assignment reviewed and carried on with a quality rating, daily practice on some
 * days, a PHQ-9 and a GAD-7 before each session — then copied server-side ({@code bench/outcomes/clone.sql})
 * into the same practice until it has the size asked for.
 */
@CarryoverTest
@TestPropertySource(properties = "spring.test.mockmvc.print=none")
class OutcomeBenchmark {

    static final int WEEKS = 52;
    static final int TEMPLATES = 10;

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    Measures measures;
    @Autowired
    OutcomeAssociation association;
    @Autowired
    Caseload caseload;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseloadOutcomes outcomes;
    @Autowired
    app.carryover.homework.AdherenceHistory adherence;

    @Test
    void caseloadDashboardFor60ClientsWithAYearEach() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: run bench/outcomes/run.sh");
        TestPractice practice = seeded(60);
        clock.set(Instant.now());
        clock.reset();
        WebSession web = WebSession.signIn(mvc, practice.clinician(), clock);
        String page = web.read("/caseload");
        if (!page.contains("PHQ-9")) {
            throw new IllegalStateException("the caseload shows no PHQ-9: " + page.substring(0, Math.min(400, page.length())));
        }
        String what = "60 clients × a year (" + facts(practice.id()) + ")";
        double[] ms = time(3, 30, () -> perform(web, "/caseload"));
        Actor clinician = practice.clinician().actor();
        double[] scores = time(10, 100, () -> outcomes.of(practice.id(), caseload.mine(clinician)));
        append("caseload dashboard, GET /caseload (MockMvc), " + what, ms, 50);
        append("caseload dashboard's scores part (CaseloadOutcomes.of), " + what, scores, 50);
    }

    @Test
    void practiceAssociationFor10000ClientsWithAYearEach() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: run bench/outcomes/run.sh");
        int clients = Integer.getInteger("carryover.bench.clients", 10_000);
        // one Spearman at the target size whatever the seeded size: the interval as made now (mid-ranks of each
        // resample by counting) beside the way it was made until 2026-12-08 (each resample's values sorted afresh)
        int target = 10_000;
        Random r = new Random(7);
        double[] x = new double[target];
        double[] y = new double[target];
        for (int i = 0; i < target; i++) {
            x[i] = Math.round(r.nextDouble() * 8) * 12.5;
            y[i] = Math.round(x[i] / 10 + r.nextGaussian() * 4);
        }
        double[] before = time(1, 3, () -> sortedAfreshInterval(x, y));
        double[] after = time(1, 3, () -> app.carryover.progress.Spearman.of(x, y));
        app.carryover.progress.Spearman now = app.carryover.progress.Spearman.of(x, y);
        double[] was = sortedAfreshInterval(x, y);
        System.out.printf("Spearman n = %d: interval now %.6f to %.6f, sorted afresh %.6f to %.6f%n", target, now.low(), now.high(),
                was[0], was[1]);
        append("practice association's part: one Spearman with its 1,000-resample bootstrap interval, n = 10,000, each resample"
                + " sorted afresh (before, as until 2026-12-08), same run", before, 2000);
        append("practice association's part: one Spearman with its 1,000-resample bootstrap interval, n = 10,000, mid-ranks by"
                + " counting (after), same run; interval after " + String.format("%.4f to %.4f", now.low(), now.high())
                + ", before " + String.format("%.4f to %.4f", was[0], was[1]), after, 2000);
        TestPractice practice = seeded(clients);
        clock.set(Instant.now());
        clock.reset();
        Actor admin = practice.admin().actor();
        OutcomeAssociation.Filter year = new OutcomeAssociation.Filter("PHQ9", 52, null);
        List<ClientRecord> everyone = caseload.everyone(admin);
        OutcomeAssociation.Result result = association.over(practice.id(), everyone, year);
        System.out.printf("association over %d clients: %d rows, quantity %s, quality %s%n", result.clients(),
                result.rows().size(), result.quantity().words(), result.quality().words());
        String what = clients + " clients × a year (" + facts(practice.id()) + ")";
        double[] service = time(1, 5, () -> association.over(practice.id(), caseload.everyone(admin), year));
        append("practice association (service: group read + OutcomeAssociation.over, PHQ-9, 52 weeks), " + what, service, 2000);
        // where the time goes: the scores read, the weekly practice worked out, the two correlations with their intervals
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant since = today.minusWeeks(52).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        double[] scores = time(1, 5, () -> measures.ofClients(practice.id(), everyone.stream().map(ClientRecord::id).toList(), since));
        append("practice association's part: the scores read (Measures.ofClients), " + what, scores, 2000);
        double[] weekly = time(1, 5, () -> adherence.weekly(practice.id(), everyone, today.minusWeeks(52).minusDays(1), today));
        append("practice association's part: weekly practice (AdherenceHistory.weekly), " + what, weekly, 2000);
        WebSession web = WebSession.signIn(mvc, practice.admin(), clock);
        double[] page = time(1, 5, () -> perform(web, "/admin/progress?instrument=PHQ9&weeks=52"));
        append("practice association, GET /admin/progress (MockMvc), " + what, page, 2000);
    }

    /** A practice whose clinician has {@code clients} clients with a year of weekly sessions, homework and scores. */
    private TestPractice seeded(int clients) {
        Instant start = Instant.now().minusSeconds((WEEKS + 1) * 7 * 86_400L);
        clock.set(start);
        TestPractice practice = Fixtures.practice(context);
        long t0 = System.nanoTime();
        Random random = new Random(42);
        List<Person> templates = new ArrayList<>();
        templates.add(practice.client());
        for (int i = 1; i < TEMPLATES; i++) {
            clock.set(start);
            templates.add(Fixtures.client(context, practice.id(), "Template " + i, ZoneId.of("Europe/London"), practice.clinician()));
        }
        for (int i = 0; i < templates.size(); i++) {
            year(practice, templates.get(i), start, random, i);
        }
        double seeded = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        int copies = clients - templates.size();
        if (copies > 0) {
            try {
                String clone = Files.readString(Path.of("bench", "outcomes", "clone.sql"));
                String only = String.join(",", templates.stream().map(p -> p.clientId().toString()).toList());
                Superuser.execute("SELECT set_config('gen.practice', '" + practice.id() + "', false), set_config('gen.copies', '"
                        + copies + "', false), set_config('gen.only', '" + only + "', false)", clone);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        System.out.printf("seeded %d clients through the services in %.1f s; copied to %d clients in %.1f s%n",
                templates.size(), seeded, jdbc.sql("SELECT count(*) FROM client WHERE practice_id = ?").param(practice.id())
                        .query(Integer.class).single(), (System.nanoTime() - t1) / 1e9);
        return practice;
    }

    /**
     * A year for one client: weekly sessions (held), one daily assignment at a time reviewed each week and carried on
     * with quality ratings, practice on some days (each client its own habit), a PHQ-9 and a GAD-7 given before each
     * session, easing more for the clients who practise more.
     */
    private void year(TestPractice practice, Person client, Instant start, Random random, int n) {
        Actor clinician = practice.clinician().actor();
        UUID clientId = client.clientId();
        double habit = 0.2 + 0.75 * n / (double) (TEMPLATES - 1);
        LocalDateTime first = LocalDateTime.ofInstant(start, ZoneOffset.UTC).withHour(10).withMinute(0).plusDays(1);
        clock.set(start.plusSeconds(60));
        List<TherapySession> weekly = new ArrayList<>();
        for (int w = 0; w <= WEEKS; w++) {
            weekly.add(sessions.schedule(clinician, clientId, first.plusWeeks(w), 50));
        }
        clock.set(weekly.get(0).startsAt().plusSeconds(600));
        sessions.setStatus(clinician, clientId, weekly.get(0).id(), SessionStatus.HELD);
        Assignment current = assignments.compose(clinician, clientId, new AssignmentDraft("Evening walk",
                "Walk for twenty minutes after dinner and rate the mood before and after, 0-10.", "Moving lifts the mood.",
                true, List.of(), weekly.get(0).id(), null, Dose.perDay(1), null, null, 2, null, null));
        double phq = 18 + random.nextInt(5);
        double gad = 14 + random.nextInt(5);
        for (int w = 1; w < WEEKS; w++) {
            TherapySession session = weekly.get(w);
            int done = 0;
            for (int day = 1; day <= 6; day++) {
                if (random.nextDouble() < habit) {
                    Instant at = weekly.get(w - 1).startsAt().plusSeconds(day * 86_400L - 8 * 3600);
                    clock.set(at.plusSeconds(60));
                    log.log(client.actor(), current.id(), new EntryInput(UUID.randomUUID(), at, random.nextInt(11), null, null));
                    done++;
                }
            }
            phq = Math.max(0, phq - (done / 6.0) * 0.6 + random.nextGaussian() * 0.8 + 0.15);
            gad = Math.max(0, gad - (done / 6.0) * 0.45 + random.nextGaussian() * 0.7 + 0.1);
            clock.set(session.startsAt().minusSeconds(1800));
            give(clinician, clientId, "PHQ9", (int) Math.round(Math.min(27, phq)), 9);
            give(clinician, clientId, "GAD7", (int) Math.round(Math.min(21, gad)), 7);
            clock.set(session.startsAt().plusSeconds(600));
            sessions.setStatus(clinician, clientId, session.id(), SessionStatus.HELD);
            int quality = Math.min(4, Math.max(0, (int) Math.round(done / 1.5 + random.nextGaussian() * 0.5)));
            var review = reviews.decide(clinician, clientId, session.id(), current.id(), new HomeworkReviews.ReviewInput(
                    ReviewDecision.CONTINUE, quality, quality, List.of(), null, "Keep going"));
            current = assignments.get(clinician, clientId, review.nextAssignmentId());
        }
    }

    /**
     * The bootstrap interval as Spearman made it until 2026-12-08, for the side-by-side figure: each resample's
     * values drawn, sorted (boxed indices) to mid-ranks, correlated; the same seed and draws as now.
     */
    private static double[] sortedAfreshInterval(double[] x, double[] y) {
        int n = x.length;
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261207L);
        double[] estimates = new double[1000];
        int kept = 0;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int b = 0; b < 1000; b++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                bx[i] = x[pick];
                by[i] = y[pick];
            }
            double[] rx = midRanks(bx);
            double[] ry = midRanks(by);
            double mx = (n + 1) / 2.0;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < n; i++) {
                sxy += (rx[i] - mx) * (ry[i] - mx);
                sxx += (rx[i] - mx) * (rx[i] - mx);
                syy += (ry[i] - mx) * (ry[i] - mx);
            }
            if (sxx > 0 && syy > 0) {
                estimates[kept++] = sxy / Math.sqrt(sxx * syy);
            }
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
    }

    private static double[] midRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A questionnaire given in session with this total spread over its items (item 9 of the PHQ-9 always 0). */
    private void give(Actor clinician, UUID clientId, String key, int total, int items) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        int spread = key.equals("PHQ9") ? items - 1 : items;
        for (int i = 0; i < spread; i++) {
            int v = Math.min(3, left);
            answers.add(v);
            left -= v;
        }
        if (key.equals("PHQ9")) {
            answers.add(0);
        }
        answers.add(null);
        measures.administer(clinician, clientId, key, new Measures.AnswerInput(UUID.randomUUID(), answers, null));
    }

    private String facts(UUID practiceId) {
        return jdbc.sql("SELECT (SELECT count(*) FROM client WHERE practice_id = :p) || ' clients in the practice, '"
                + " || (SELECT count(*) FROM practice_entry WHERE practice_id = :p) || ' entries, '"
                + " || (SELECT count(*) FROM assignment WHERE practice_id = :p) || ' assignments, '"
                + " || (SELECT count(*) FROM measure_administration WHERE practice_id = :p) || ' scores'")
                .param("p", practiceId).query(String.class).single();
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
    private static double[] time(int warmup, int runs, Supplier<Object> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void append(String what, double[] ms, double targetMs) throws IOException {
        double p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                + ", load " + load + " at the end";
        String row = String.format("| %s | %s, %d runs after warm-up (`bench/outcomes/run.sh`) | %s | %.1f / %.1f / %.1f ms (p95 %.1f ms) | %s |%n",
                LocalDate.now(ZoneOffset.UTC), what, ms.length, machine, ms[0], ms[ms.length / 2], ms[ms.length - 1], p95,
                p95 <= targetMs ? "p95 within the " + (int) targetMs + " ms target" : "p95 above the " + (int) targetMs + " ms target");
        System.out.print(row);
        Files.writeString(Path.of("docs", "benchmarks.md"), row, StandardOpenOption.APPEND);
    }
}
