package app.carryover.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientRecord;
import app.carryover.homework.AdherenceHistory;
import app.carryover.measures.Instrument;
import app.carryover.measures.Instruments;
import app.carryover.measures.MeasureAdministration;
import app.carryover.measures.Measures;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.WorksheetCategory;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetLibrary;

/**
 * Adherence set against outcome over a group of clients (a caseload or a practice): for each client
 * in the period, how much of the agreed practice was done, how well, and how much the chosen
 * questionnaire's score improved from the first to the last answer in the period; then Spearman's
 * correlation of each side with improvement, with a bootstrap interval and n, beside the published
 * reference. It is a correlation across clients, not evidence that practice caused the change.
 *
 * <p>Improvement is counted so that a positive number is better (a symptom score that fell), so a
 * positive r means more practice went with more improvement — the direction of the reference
 * (Mausbach, Moore, Roesch, Cardenas and Patterson 2010, Cognitive Therapy and Research 34:429–438:
 * r = .26 between homework compliance and outcome over 23 studies, N = 2,183).
 */
@Service
public class OutcomeAssociation {

    /** The published reference the figure is shown beside. */
    public static final double REFERENCE_R = 0.26;
    public static final String REFERENCE = "Mausbach et al. 2010: r = .26 between homework compliance and outcome "
            + "over 23 studies (N = 2,183)";
    /** The category filter value for practice logged without a worksheet. */
    public static final String QUICK_LOG = "quick_log";

    /**
     * What to look at.
     *
     * @param instrument a questionnaire or rating with a total (its key)
     * @param weeks      how many weeks back from today, 4 to 104
     * @param category   a worksheet category code, {@link #QUICK_LOG}, or null for all practice
     */
    public record Filter(String instrument, int weeks, String category) {
    }

    /**
     * One client in the period. {@code pseudonym} is stable for the practice and says nothing about
     * the client; {@code improvement} is first minus last for symptom scores (positive is better).
     */
    public record Row(String pseudonym, UUID clientId, LocalDate from, LocalDate to, int scores, Integer firstScore,
            Integer lastScore, Integer improvement, Double quantity, Double quality, double expected, double done) {
    }

    /** The association over the group, each side separately, with the rows it was worked out from. */
    public record Result(Filter filter, Instrument instrument, LocalDate from, LocalDate to, int clients,
            Spearman quantity, Spearman quality, List<Row> rows) {
    }

    private final Measures measures;
    private final Instruments instruments;
    private final AdherenceHistory adherence;
    private final WorksheetLibrary worksheets;
    private final Clock clock;

    OutcomeAssociation(Measures measures, Instruments instruments, AdherenceHistory adherence, WorksheetLibrary worksheets,
            Clock clock) {
        this.measures = measures;
        this.instruments = instruments;
        this.adherence = adherence;
        this.worksheets = worksheets;
        this.clock = clock;
    }

    /** Checks a filter and names the field that is wrong. */
    public Instrument check(UUID practiceId, Filter filter) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Optional<Instrument> instrument = instruments.find(practiceId, filter.instrument()).filter(Instrument::hasTotal);
        if (instrument.isEmpty()) {
            problems.add(new ProblemException.FieldProblem("instrument", "is not a questionnaire or rating with a score here"));
        }
        if (filter.weeks() < 4 || filter.weeks() > 104) {
            problems.add(new ProblemException.FieldProblem("weeks", "must be from 4 to 104"));
        }
        if (filter.category() != null && !filter.category().equals(QUICK_LOG)
                && WorksheetCategory.fromCode(filter.category()).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("category", "is not a worksheet category"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return instrument.get();
    }

    /** The association over these clients; the caller has checked the viewer may see the group. */
    public Result over(UUID practiceId, Collection<ClientRecord> clients, Filter filter) {
        Instrument instrument = check(practiceId, filter);
        Instant now = clock.instant();
        LocalDate to = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = to.minusWeeks(filter.weeks());
        List<ClientRecord> group = List.copyOf(clients);
        List<UUID> ids = group.stream().map(ClientRecord::id).toList();
        // A day's margin either side: each client's own dates are compared in their own zone below.
        List<MeasureAdministration> all = measures.ofClients(practiceId, ids,
                from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        AdherenceHistory.History history = adherence.weekly(practiceId, group, from.minusDays(1), to);
        Map<UUID, Double> quality = Quality.perAssignment(all, history.assignments().values(), false);
        Map<String, String> categories = new HashMap<>();

        Map<UUID, double[]> sums = new HashMap<>();
        Map<UUID, List<Double>> qualities = new HashMap<>();
        Map<UUID, Set<UUID>> counted = new HashMap<>();
        for (AdherenceHistory.Week w : history.weeks()) {
            AdherenceHistory.AssignmentFacts facts = history.assignments().get(w.assignmentId());
            if (w.monday().plusDays(6).isBefore(from) || !inCategory(practiceId, facts, filter.category(), categories)) {
                continue;
            }
            double[] s = sums.computeIfAbsent(w.clientId(), c -> new double[2]);
            s[0] += w.expected();
            s[1] += w.done();
            if (counted.computeIfAbsent(w.clientId(), c -> new HashSet<>()).add(w.assignmentId())
                    && quality.containsKey(w.assignmentId())) {
                qualities.computeIfAbsent(w.clientId(), c -> new ArrayList<>()).add(quality.get(w.assignmentId()));
            }
        }
        Map<UUID, List<MeasureAdministration>> scored = new HashMap<>();
        for (MeasureAdministration a : all) {
            if (a.scored() && a.instrument().equals(instrument.key()) && !a.localDate().isBefore(from)) {
                scored.computeIfAbsent(a.clientId(), c -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ClientRecord c : group) {
            List<MeasureAdministration> s = scored.getOrDefault(c.id(), List.of());
            double[] sum = sums.get(c.id());
            if (s.isEmpty() && sum == null) {
                continue;
            }
            Integer first = s.isEmpty() ? null : s.get(0).total();
            Integer last = s.isEmpty() ? null : s.get(s.size() - 1).total();
            Integer improvement = s.size() < 2 ? null : instrument.higherIsWorse() ? first - last : last - first;
            Double quantity = sum == null || sum[0] <= 0 ? null : Math.min(100, 100 * sum[1] / sum[0]);
            List<Double> q = qualities.get(c.id());
            Double meanQuality = q == null ? null : q.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            rows.add(new Row(pseudonym(practiceId, c.id()), c.id(), from, to, s.size(), first, last, improvement,
                    quantity, meanQuality, sum == null ? 0 : sum[0], sum == null ? 0 : sum[1]));
        }
        rows.sort(Comparator.comparing(Row::pseudonym));
        return new Result(filter, instrument, from, to, group.size(), correlate(rows, Row::quantity),
                correlate(rows, Row::quality), rows);
    }

    private static Spearman correlate(List<Row> rows, Function<Row, Double> side) {
        List<Row> paired = rows.stream().filter(r -> r.improvement() != null && side.apply(r) != null).toList();
        double[] x = new double[paired.size()];
        double[] y = new double[paired.size()];
        for (int i = 0; i < paired.size(); i++) {
            x[i] = side.apply(paired.get(i));
            y[i] = paired.get(i).improvement();
        }
        return Spearman.of(x, y);
    }

    private boolean inCategory(UUID practiceId, AdherenceHistory.AssignmentFacts facts, String category,
            Map<String, String> cache) {
        if (category == null) {
            return true;
        }
        if (facts == null || facts.worksheetKey() == null) {
            return QUICK_LOG.equals(category);
        }
        String code = cache.computeIfAbsent(facts.worksheetKey(), key -> worksheets.findLatest(practiceId, key)
                .map(WorksheetDefinition::category).map(WorksheetCategory::code).orElse(""));
        return category.equals(code);
    }

    /**
     * A stable stand-in for a client's id in exports: the first 12 hex digits of SHA-256 over the
     * practice and client ids. It keeps rows of one client together across exports without naming
     * them; it is a pseudonym, not anonymisation (whoever holds the ids can recompute it).
     */
    public static String pseudonym(UUID practiceId, UUID clientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((practiceId + ":" + clientId).getBytes(StandardCharsets.UTF_8));
            return "C-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
