package app.carryover.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientRecord;
import app.carryover.homework.AdherenceHistory;
import app.carryover.measures.Change;
import app.carryover.measures.Instrument;
import app.carryover.measures.Instruments;
import app.carryover.measures.MeasureAdministration;
import app.carryover.measures.Measures;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;

/**
 * One client's progress: each scored questionnaire or rating over time with its change read by the
 * published criteria, practice week by week (how much of the dose was done and how well), and each
 * week's practice set beside the change in score over the week after it. Callers have checked access;
 * {@code forClient} leaves out what a client never sees (the clinician's ratings).
 */
@Service
public class ClientProgress {

    /** How far back the page looks. */
    static final int WEEKS_SHOWN = 52;

    /** One scored answer on a chart. */
    public record ScorePoint(LocalDate date, int total, String band, boolean prorated) {
    }

    /** One instrument's scores, oldest first, with its change in numbers and words and its chart. */
    public record Series(Instrument instrument, List<ScorePoint> points, Change change, String changeWords, String svg) {

        public ScorePoint latest() {
            return points.get(points.size() - 1);
        }
    }

    /**
     * One week of practice (Monday to Sunday, client-local) beside the primary measure: the score at
     * the week's end, and its change over the following week (negative is fewer symptoms).
     *
     * @param quantity share of the dose done, 0–100, or null when nothing was expected
     * @param quality  the mean quality rating (0–4) of the week's assignments, where rated
     */
    public record Week(LocalDate monday, double expected, double done, int logged, Double quantity, Double quality,
            Integer scoreAtEnd, Integer nextScore, Integer nextChange) {

        public LocalDate sunday() {
            return monday.plusDays(6);
        }
    }

    /**
     * Practice summed over the last {@value #RECENT_WEEKS} weeks up to today (the current week so far):
     * how much of the agreed dose was done and the mean quality rating where there is one.
     *
     * @param quantity share of the dose done, 0–100, or null when nothing was expected
     */
    public record Recent(LocalDate from, LocalDate to, double expected, double done, Double quantity, Double quality) {

        /** The practice in one sentence, with its dates and their year. */
        public String words() {
            String period = "In the " + RECENT_WEEKS + " weeks from " + LONG_DAY.format(from) + " to " + LONG_DAY.format(to);
            if (quantity == null) {
                return period + " no practice was agreed.";
            }
            return period + " the client did " + Math.round(quantity) + "% of the agreed practice (" + Math.round(done)
                    + " of " + Math.round(expected) + ")" + (quality == null ? "; no quality rating yet."
                            : "; quality " + ofFour(quality) + " of 4 where rated.");
        }
    }

    /** How many weeks the summary at the top of the brief and the session review covers. */
    public static final int RECENT_WEEKS = 4;

    static final java.time.format.DateTimeFormatter LONG_DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    /** Everything the progress pages show. {@code primary} is the questionnaire set beside practice, or null. */
    public record View(ClientRecord client, List<Series> series, Series primary, List<Week> weeks, String adherenceSvg,
            boolean forClient, Recent recent) {

        public Optional<Series> series(String instrumentKey) {
            return series.stream().filter(s -> s.instrument().key().equals(instrumentKey)).findFirst();
        }

        /** The symptom questionnaires (PHQ-9, GAD-7, PHQ-8), without the practice's own ratings. */
        public List<Series> questionnaires() {
            return series.stream().filter(s -> s.instrument().measure() != null).toList();
        }
    }

    private final Measures measures;
    private final Instruments instruments;
    private final AdherenceHistory adherence;
    private final Sessions sessions;
    private final Clock clock;

    ClientProgress(Measures measures, Instruments instruments, AdherenceHistory adherence, Sessions sessions, Clock clock) {
        this.measures = measures;
        this.instruments = instruments;
        this.adherence = adherence;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The client's progress; the caller has checked that the viewer may read it. */
    public View of(ClientRecord client, boolean forClient) {
        List<MeasureAdministration> all = measures.historyOf(client.practiceId(), client.id());
        if (forClient) {
            all = Measures.forClient(all);
        }
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        List<LocalDate> sessionDays = sessions.timeline(client.practiceId(), client.id()).stream()
                .filter(s -> s.status().happenedOrPlanned()).map(TherapySession::startsAt)
                .map(at -> at.atZone(client.timeZone()).toLocalDate()).filter(d -> !d.isAfter(today)).toList();
        List<Series> series = series(client, all, sessionDays, forClient);
        Series primary = series.stream().filter(s -> s.instrument().measure() != null)
                .max(Comparator.comparingInt((Series s) -> s.points().size())
                        .thenComparing(s -> -s.instrument().measure().ordinal()))
                .orElse(series.isEmpty() ? null : series.get(0));
        List<Week> weeks = weeks(client, all, primary, today, forClient);
        List<SvgChart.WeekBar> bars = weeks.stream().map(w -> new SvgChart.WeekBar(w.monday(), w.quantity(),
                w.quality() == null ? null : w.quality() * 25, weekLabel(w))).toList();
        String adherenceSvg = weeks.isEmpty() ? null : SvgChart.adherence("chart-adherence", "Practice per week",
                "Share of the agreed practice done each week" + (weeks.isEmpty() ? "" : " from the week of "
                        + SvgChart.DAY.format(weeks.get(0).monday()) + " to the week of "
                        + SvgChart.DAY.format(weeks.get(weeks.size() - 1).monday()))
                        + (weeks.stream().anyMatch(w -> w.quality() != null) ? ", with the quality rating where there is one." : "."),
                bars);
        return new View(client, series, primary, weeks, adherenceSvg, forClient, recent(weeks, today));
    }

    private List<Series> series(ClientRecord client, List<MeasureAdministration> all, List<LocalDate> sessionDays,
            boolean forClient) {
        Map<String, List<MeasureAdministration>> byInstrument = new LinkedHashMap<>();
        for (MeasureAdministration a : all) {
            if (a.scored()) {
                byInstrument.computeIfAbsent(a.instrument(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<MeasureAdministration>> e : byInstrument.entrySet()) {
            Optional<Instrument> found = instruments.find(client.practiceId(), e.getKey());
            if (found.isEmpty() || !found.get().hasTotal()) {
                continue;
            }
            Instrument i = found.get();
            List<ScorePoint> points = e.getValue().stream()
                    .map(a -> new ScorePoint(a.localDate(), a.total(), a.band(), a.prorated())).toList();
            Change change = Change.of(i, points.stream().map(ScorePoint::total).toList());
            String words = change.words(i);
            // The client's picture describes itself in the client's words, without the criteria's jargon.
            String described = forClient ? ProgressWords.plain(i, points.get(points.size() - 1), change) : words;
            series.add(new Series(i, points, change, words, chart(i, points, described, sessionDays)));
        }
        series.sort(Comparator.comparing((Series s) -> s.instrument().measure() == null)
                .thenComparing(s -> s.instrument().measure() == null ? 0 : s.instrument().measure().ordinal()));
        return series;
    }

    private static String chart(Instrument i, List<ScorePoint> points, String words, List<LocalDate> sessionDays) {
        Instrument.Item first = i.scoredItems().get(0);
        boolean single = i.scoredItems().size() == 1 && first.isRating();
        double min = single ? first.min() : 0;
        double max = single ? first.max() : i.maxTotal();
        List<SvgChart.Band> bands = new ArrayList<>();
        for (int k = 0; k < i.bands().size(); k++) {
            Instrument.Band b = i.bands().get(k);
            bands.add(new SvgChart.Band(b.from(), b.to(), b.label(), SvgChart.BAND_FILLS.get(Math.min(k, SvgChart.BAND_FILLS.size() - 1))));
        }
        List<SvgChart.Point> chartPoints = points.stream().map(p -> new SvgChart.Point(p.date(), p.total(),
                SvgChart.DAY.format(p.date()) + ": " + p.total() + (p.band() == null ? "" : " (" + p.band() + ")")
                        + (p.prorated() ? ", prorated" : ""))).toList();
        return SvgChart.scores("chart-" + i.key().toLowerCase(), i.name() + " scores over time",
                words + " Dashed lines mark sessions.", min, max, bands, chartPoints, sessionDays);
    }

    private List<Week> weeks(ClientRecord client, List<MeasureAdministration> all, Series primary, LocalDate today,
            boolean forClient) {
        LocalDate from = today.minusWeeks(WEEKS_SHOWN);
        AdherenceHistory.History history = adherence.weekly(client.practiceId(), List.of(client), from, today);
        Map<UUID, Double> quality = Quality.perAssignment(all, history.assignments().values(), forClient);
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        TreeMap<LocalDate, List<Double>> qualities = new TreeMap<>();
        for (AdherenceHistory.Week w : history.weeks()) {
            double[] s = sums.computeIfAbsent(w.monday(), m -> new double[3]);
            s[0] += w.expected();
            s[1] += w.done();
            s[2] += w.logged();
            Double q = quality.get(w.assignmentId());
            if (q != null) {
                qualities.computeIfAbsent(w.monday(), m -> new ArrayList<>()).add(q);
            }
        }
        TreeMap<LocalDate, Integer> scores = new TreeMap<>();
        if (primary != null) {
            primary.points().forEach(p -> scores.put(p.date(), p.total()));
        }
        List<Week> weeks = new ArrayList<>();
        for (Map.Entry<LocalDate, double[]> e : sums.entrySet()) {
            LocalDate monday = e.getKey();
            double[] s = e.getValue();
            List<Double> q = qualities.get(monday);
            LocalDate sunday = monday.plusDays(6);
            Map.Entry<LocalDate, Integer> atEnd = scores.floorEntry(sunday);
            Map.Entry<LocalDate, Integer> next = scores.floorEntry(sunday.plusDays(7));
            Integer nextScore = next != null && next.getKey().isAfter(sunday) ? next.getValue() : null;
            Integer change = atEnd != null && nextScore != null ? nextScore - atEnd.getValue() : null;
            weeks.add(new Week(monday, s[0], s[1], (int) s[2], s[0] > 0 ? Math.min(100, 100 * s[1] / s[0]) : null,
                    q == null ? null : q.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    atEnd == null ? null : atEnd.getValue(), nextScore, change));
        }
        return weeks;
    }

    private static Recent recent(List<Week> weeks, LocalDate today) {
        LocalDate from = monday(today).minusWeeks(RECENT_WEEKS - 1);
        double expected = 0;
        double done = 0;
        List<Double> q = new ArrayList<>();
        for (Week w : weeks) {
            if (w.monday().isBefore(from)) {
                continue;
            }
            expected += w.expected();
            done += w.done();
            if (w.quality() != null) {
                q.add(w.quality());
            }
        }
        return new Recent(from, today, expected, done, expected > 0 ? Math.min(100, 100 * done / expected) : null,
                q.isEmpty() ? null : q.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    static String weekLabel(Week w) {
        return "Week of " + SvgChart.DAY.format(w.monday()) + ": "
                + (w.quantity() == null ? "nothing expected" : Math.round(w.quantity()) + "% of the dose done")
                + (w.quality() == null ? "" : ", quality " + ofFour(w.quality()) + " of 4");
    }

    /** A quality rating (0–4) to two places at most, without trailing zeros: 3, 2.5, 0. */
    static String ofFour(double quality) {
        return new java.math.BigDecimal(Spearman.two(quality)).stripTrailingZeros().toPlainString();
    }

    /** The week's Monday for a date. */
    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
