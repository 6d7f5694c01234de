package app.carryover.homework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.goals.Goal;
import app.carryover.goals.GoalStatus;
import app.carryover.goals.Goals;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;

/**
 * The pre-session brief: one page per upcoming session for the clinician, made the same way every
 * time from the record — each due assignment's adherence, the notable entries (highest and lowest
 * ratings, what the client wrote about obstacles), and the goals — each line linked to its source.
 */
@Service
public class Briefs {

    /** One line of the brief, with the address of what it summarises. */
    public record Line(String text, String link) {
    }

    /** One assignment's part of the brief. */
    public record AssignmentBrief(AssignmentProgress progress, List<Line> lines) {
    }

    /** The brief for one session. */
    public record Brief(TherapySession session, List<AssignmentBrief> assignments, List<Line> goals) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final Assignments assignments;
    private final EntryRepository entries;
    private final ReviewRepository reviews;
    private final ExposureHierarchies exposure;
    private final Goals goals;
    private final Sessions sessions;
    private final ClientAccess access;

    Briefs(Assignments assignments, EntryRepository entries, ReviewRepository reviews, ExposureHierarchies exposure,
            Goals goals, Sessions sessions, ClientAccess access) {
        this.assignments = assignments;
        this.entries = entries;
        this.reviews = reviews;
        this.exposure = exposure;
        this.goals = goals;
        this.sessions = sessions;
        this.access = access;
    }

    public Brief brief(Actor actor, UUID clientId, UUID sessionId) {
        ClientRecord client = access.readClinical(actor, clientId, "pre-session brief");
        TherapySession session = sessions.timeline(client.practiceId(), client.id()).stream()
                .filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Session"));
        String base = "/clients/" + client.id();
        List<AssignmentProgress> due = assignments.progressOf(client, false).stream()
                .filter(p -> p.unreviewed() || (p.dueSession() != null && p.dueSession().id().equals(sessionId)))
                .sorted(Comparator.comparing((AssignmentProgress p) -> p.assignment().createdAt())
                        .thenComparing(p -> p.assignment().id()))
                .toList();
        Map<UUID, Reflection> reflections = reviews.reflections(client.practiceId(),
                due.stream().map(p -> p.assignment().id()).toList());
        List<AssignmentBrief> parts = new ArrayList<>();
        for (AssignmentProgress p : due) {
            parts.add(new AssignmentBrief(p, lines(client, p, reflections.get(p.assignment().id()), base)));
        }
        List<Line> goalLines = goals.allOfClient(client.practiceId(), client.id()).stream()
                .filter(g -> g.status() == GoalStatus.ACTIVE)
                .map(g -> goalLine(g, base)).toList();
        return new Brief(session, parts, goalLines);
    }

    private List<Line> lines(ClientRecord client, AssignmentProgress p, Reflection reflection, String base) {
        Assignment a = p.assignment();
        String link = base + "/assignments/" + a.id();
        ZoneId zone = client.timeZone();
        List<Line> lines = new ArrayList<>();
        Adherence ad = p.whole() != null ? p.whole() : p.soFar();
        String share = ad.quantity() == null ? "nothing expected yet"
                : Math.round(ad.quantity() * 100) + "%";
        lines.add(new Line("Done " + ad.doneRounded() + " of " + ad.expectedRounded() + " expected (" + share + "), "
                + a.dose().describe() + (ad.logged() > ad.doneRounded() ? "; " + ad.logged() + " entries in all" : ""), link));
        if (p.unreviewed()) {
            lines.add(new Line("Not reviewed at the session it was due", link));
        }
        List<PracticeEntry> list = entries.forAssignment(client.practiceId(), a.id());
        list.stream().filter(e -> e.rating() != null)
                .max(Comparator.comparing(PracticeEntry::rating).thenComparing(PracticeEntry::occurredAt))
                .ifPresent(e -> lines.add(entryLine("Highest rating", e, zone, link)));
        list.stream().filter(e -> e.rating() != null)
                .min(Comparator.comparing(PracticeEntry::rating).thenComparing(PracticeEntry::occurredAt))
                .filter(e -> list.stream().filter(x -> x.rating() != null).count() > 1)
                .ifPresent(e -> lines.add(entryLine("Lowest rating", e, zone, link)));
        if (reflection != null) {
            if (!reflection.obstacles().isEmpty()) {
                lines.add(new Line("Got in the way (client): " + reflection.obstacles().stream().map(Obstacle::code)
                        .collect(Collectors.joining(", ")), link + "#reflection"));
            }
            if (reflection.gotInTheWay() != null) {
                lines.add(new Line("In their words: “" + clip(reflection.gotInTheWay()) + "”", link + "#reflection"));
            }
            if (reflection.learned() != null) {
                lines.add(new Line("Learned: “" + clip(reflection.learned()) + "”", link + "#reflection"));
            }
        } else {
            lines.add(new Line("No reflection from the client yet", link + "#reflection"));
        }
        if (a.exposureStepId() != null) {
            lines.add(new Line(exposure.suggestionOf(client.practiceId(), a.exposureStepId()).because(), link));
        }
        return lines;
    }

    private static Line entryLine(String what, PracticeEntry e, ZoneId zone, String link) {
        String day = e.localDate().format(DAY);
        return new Line(what + ": " + e.rating() + "/10 on " + day + (e.note() == null ? "" : " — “" + clip(e.note()) + "”"),
                link + "#entry-" + e.id());
    }

    private static Line goalLine(Goal g, String base) {
        return new Line(g.statement() + " — " + g.target().describe()
                + (g.targetDate() == null ? "" : ", by " + g.targetDate().format(DAY)), base + "/goals/" + g.id());
    }

    private static String clip(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= 140 ? one : one.substring(0, 137) + "…";
    }
}
