package app.carryover.homework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.goals.Goal;
import app.carryover.goals.GoalStatus;
import app.carryover.goals.Goals;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * The pre-session brief: one page per upcoming session for the clinician, made the same way every
 * time from the record — what was noted and agreed last time, how practice has gone period by period,
 * each due assignment's adherence, the notable entries (highest and lowest ratings, the worksheets'
 * numbers and latest answers, what the client wrote about obstacles), and the goals — each line
 * linked to its source.
 */
@Service
public class Briefs {

    /** One line of the brief, with the address of what it summarises. */
    public record Line(String text, String link) {
    }

    /** One assignment's part of the brief. */
    public record AssignmentBrief(AssignmentProgress progress, List<Line> lines) {
    }

    /**
     * Practice in one homework period, as reviewed at a session (or so far, for the coming one).
     *
     * @param share done as a share of expected (0–1)
     */
    public record TrendPoint(LocalDate session, double share, long done, long expected, boolean soFar, String link) {

        public String label() {
            return Math.round(share * 100) + "%";
        }
    }

    /**
     * The brief for one session.
     *
     * @param lastSession the last held session before this one (its notes are in {@code lastNotes}), or null
     * @param agreed      what was decided and planned at the last session's review, one line per assignment
     * @param trend       adherence period by period, oldest first, ending with the current period so far
     */
    public record Brief(TherapySession session, List<AssignmentBrief> assignments, List<Line> goals,
            TherapySession lastSession, Line lastNotes, List<Line> agreed, List<TrendPoint> trend) {

        /** The trend in one line: "Practice done: 50% → 67% → 83% (so far)". */
        public String trendLine() {
            return trend.isEmpty() ? null : "Practice done, period by period: " + trend.stream()
                    .map(t -> t.label() + (t.soFar() ? " so far" : "")).collect(Collectors.joining(" → "));
        }
    }

    /** How many earlier periods the trend shows. */
    static final int TREND_PERIODS = 6;

    private final Assignments assignments;
    private final EntryRepository entries;
    private final ReviewRepository reviews;
    private final ExposureHierarchies exposure;
    private final Goals goals;
    private final Sessions sessions;
    private final ClientAccess access;
    private final EntryReader reader;

    Briefs(Assignments assignments, EntryRepository entries, ReviewRepository reviews, ExposureHierarchies exposure,
            Goals goals, Sessions sessions, ClientAccess access, EntryReader reader) {
        this.assignments = assignments;
        this.entries = entries;
        this.reviews = reviews;
        this.exposure = exposure;
        this.goals = goals;
        this.sessions = sessions;
        this.access = access;
        this.reader = reader;
    }

    public Brief brief(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "pre-session brief");
        List<TherapySession> timeline = sessions.list(actor, clientId);
        TherapySession session = timeline.stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Session"));
        String base = "/clients/" + client.id();
        List<AssignmentProgress> due = assignments.progressOf(client, false).stream()
                .filter(p -> p.unreviewed() || (p.dueSession() != null && p.dueSession().id().equals(sessionId)))
                .sorted(Comparator.comparing((AssignmentProgress p) -> p.assignment().createdAt())
                        .thenComparing(p -> p.assignment().id()))
                .toList();
        Map<UUID, Reflection> reflections = reviews.reflections(client.practiceId(),
                due.stream().map(p -> p.assignment().id()).toList());
        Map<UUID, List<PracticeEntry>> entriesOf = entries.forAssignments(client.practiceId(),
                due.stream().map(p -> p.assignment().id()).toList());
        List<AssignmentBrief> parts = new ArrayList<>();
        for (AssignmentProgress p : due) {
            parts.add(new AssignmentBrief(p, lines(client, p, entriesOf.getOrDefault(p.assignment().id(), List.of()),
                    reflections.get(p.assignment().id()), base)));
        }
        List<Line> goalLines = goals.allOfClient(client.practiceId(), client.id()).stream()
                .filter(g -> g.status() == GoalStatus.ACTIVE)
                .map(g -> goalLine(g, base)).toList();
        TherapySession last = timeline.stream()
                .filter(s -> s.status() == SessionStatus.HELD && s.startsAt().isBefore(session.startsAt()))
                .reduce((a, b) -> b).orElse(null);
        Line notes = last == null ? null : new Line(last.notes() == null ? "No notes were kept."
                : "“" + clip(last.notes(), 600) + "”", base + "/sessions/" + last.id() + "#notes");
        return new Brief(session, parts, goalLines, last, notes, agreed(client, last, base),
                trend(client, timeline, session, due, base));
    }

    /** What the last session's review decided, and the plan agreed for what got in the way. */
    private List<Line> agreed(ClientRecord client, TherapySession last, String base) {
        if (last == null) {
            return List.of();
        }
        List<Review> at = reviews.atSession(client.practiceId(), last.id());
        Map<UUID, Assignment> reviewed = assignments.findAllIn(client, at.stream().map(Review::assignmentId).toList());
        List<Line> lines = new ArrayList<>();
        for (Review r : at) {
            Assignment a = reviewed.get(r.assignmentId());
            if (a == null) {
                continue;
            }
            String text = r.deferred() ? a.title() + ": review put off (" + clip(r.deferredReason(), 140) + ")"
                    : a.title() + ": " + r.decision().words()
                            + (r.obstacles().isEmpty() ? "" : "; got in the way: " + r.obstacles().stream()
                                    .map(Obstacle::code).collect(Collectors.joining(", ")))
                            + (r.troubleshooting() == null ? "" : "; plan: “" + clip(r.troubleshooting(), 200) + "”");
            UUID target = r.nextAssignmentId() != null ? r.nextAssignmentId() : a.id();
            lines.add(new Line(text, base + "/assignments/" + target));
        }
        return lines;
    }

    /**
     * Adherence period by period: each earlier session's reviews (done and expected as they stood at
     * the review), then the homework due at this session so far.
     */
    private List<TrendPoint> trend(ClientRecord client, List<TherapySession> timeline, TherapySession session,
            List<AssignmentProgress> due, String base) {
        ZoneId zone = client.timeZone();
        Map<UUID, double[]> bySession = new LinkedHashMap<>();
        for (Review r : reviews.decidedForClient(client.practiceId(), client.id())) {
            if (r.expected() != null && r.expected() > 0) {
                double[] sums = bySession.computeIfAbsent(r.sessionId(), k -> new double[2]);
                sums[0] += r.done() == null ? 0 : r.done();
                sums[1] += r.expected();
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        for (TherapySession s : timeline) {
            double[] sums = bySession.get(s.id());
            if (sums != null && s.startsAt().isBefore(session.startsAt())) {
                points.add(new TrendPoint(s.startsIn(zone).toLocalDate(), Math.min(1, sums[0] / sums[1]),
                        (long) Math.floor(sums[0]), Math.round(sums[1]), false, base + "/sessions/" + s.id() + "#review"));
            }
        }
        if (points.size() > TREND_PERIODS) {
            points = new ArrayList<>(points.subList(points.size() - TREND_PERIODS, points.size()));
        }
        double done = 0;
        double expected = 0;
        for (AssignmentProgress p : due) {
            done += p.soFar().done();
            expected += p.soFar().expected();
        }
        if (expected > 0) {
            points.add(new TrendPoint(session.startsIn(zone).toLocalDate(), Math.min(1, done / expected), (long) Math.floor(done),
                    Math.round(expected), true, base + "/sessions/" + session.id() + "/brief"));
        }
        return points;
    }

    private List<Line> lines(ClientRecord client, AssignmentProgress p, List<PracticeEntry> entered, Reflection reflection,
            String base) {
        Assignment a = p.assignment();
        String link = base + "/assignments/" + a.id();
        List<Line> lines = new ArrayList<>();
        Adherence ad = p.whole() != null ? p.whole() : p.soFar();
        String share = ad.quantity() == null ? "nothing expected yet"
                : Math.round(ad.quantity() * 100) + "%";
        lines.add(new Line("Done " + ad.doneRounded() + " of " + ad.expectedRounded() + " expected (" + share + "), "
                + a.dose().describe() + (ad.logged() > ad.doneRounded() ? "; " + ad.logged() + " entries in all" : ""), link));
        if (p.unreviewed()) {
            lines.add(new Line("Not reviewed at the session it was due", link));
        }
        if (a.plan() != null) {
            lines.add(new Line("Plan agreed for what gets in the way: “" + clip(a.plan(), 200) + "”", link));
        }
        List<PracticeEntry> list = entered.stream().filter(p::counts).toList();
        list.stream().filter(e -> e.rating() != null)
                .max(Comparator.comparing(PracticeEntry::rating).thenComparing(PracticeEntry::occurredAt))
                .ifPresent(e -> lines.add(entryLine("Highest rating", e, link)));
        list.stream().filter(e -> e.rating() != null)
                .min(Comparator.comparing(PracticeEntry::rating).thenComparing(PracticeEntry::occurredAt))
                .filter(e -> list.stream().filter(x -> x.rating() != null).count() > 1)
                .ifPresent(e -> lines.add(entryLine("Lowest rating", e, link)));
        lines.addAll(worksheetHighlights(list, link));
        if (reflection != null) {
            if (!reflection.obstacles().isEmpty()) {
                lines.add(new Line("Got in the way (client): " + reflection.obstacles().stream().map(Obstacle::code)
                        .collect(Collectors.joining(", ")), link + "#reflection"));
            }
            if (reflection.gotInTheWay() != null) {
                lines.add(new Line("In their words: “" + clip(reflection.gotInTheWay(), 140) + "”", link + "#reflection"));
            }
            if (reflection.learned() != null) {
                lines.add(new Line("Learned: “" + clip(reflection.learned(), 140) + "”", link + "#reflection"));
            }
        } else {
            lines.add(new Line("No reflection from the client yet", link + "#reflection"));
        }
        if (a.exposureStepId() != null) {
            lines.add(new Line(exposure.suggestionOf(client.practiceId(), a.exposureStepId()).because(), link));
        }
        return lines;
    }

    /**
     * From worksheet entries: each number's average over the period with its first and last value
     * ("Sleep efficiency: average 84% over 6 entries (first 78%, last 88%)"), and the latest entry's
     * written answers ("Prediction: … · Outcome: …").
     */
    private List<Line> worksheetHighlights(List<PracticeEntry> list, String link) {
        List<PracticeEntry> filled = list.stream().filter(e -> e.answers() != null).toList();
        if (filled.isEmpty()) {
            return List.of();
        }
        WorksheetDefinition definition = reader.definition(filled.get(filled.size() - 1)).orElse(null);
        if (definition == null) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (ValueDefinition v : definition.values()) {
            List<BigDecimal> values = filled.stream().map(e -> e.values().get(v.key())).filter(x -> x != null).toList();
            if (values.isEmpty()) {
                continue;
            }
            BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
            lines.add(new Line(v.label() + ": " + (values.size() == 1 ? EntryInWords.number(values.get(0), v.unit())
                    : "average " + EntryInWords.number(mean, v.unit()) + " over " + values.size() + " entries (first "
                            + EntryInWords.number(values.get(0), v.unit()) + ", last "
                            + EntryInWords.number(values.get(values.size() - 1), v.unit()) + ")"), link));
        }
        EntryInWords latest = reader.read(List.of(filled.get(filled.size() - 1))).get(0);
        String written = latest.answers().stream().filter(x -> x.answer().length() > 12)
                .limit(3).map(x -> x.question() + " “" + clip(x.answer(), 120) + "”").collect(Collectors.joining(" · "));
        if (!written.isEmpty()) {
            lines.add(new Line("Latest " + definition.title().toLowerCase(java.util.Locale.ENGLISH) + " ("
                    + Dates.day(latest.entry().localDate()) + "): " + written, link + "#entry-" + latest.entry().id()));
        }
        return lines;
    }

    private static Line entryLine(String what, PracticeEntry e, String link) {
        return new Line(what + ": " + e.rating() + "/10 on " + Dates.day(e.localDate())
                + (e.note() == null ? "" : " — “" + clip(e.note(), 140) + "”"), link + "#entry-" + e.id());
    }

    private static Line goalLine(Goal g, String base) {
        return new Line(g.statement() + " — " + g.target().describe()
                + (g.targetDate() == null ? "" : ", by " + Dates.day(g.targetDate())), base + "/goals/" + g.id());
    }

    private static String clip(String text, int max) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 3) + "…";
    }
}
