package app.carryover.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.measures.Measure;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Uuids;
import tools.jackson.databind.json.JsonMapper;

/** Treatment goals of a client: read by the care team and the client, changed by the care team. */
@Service
public class Goals {

    /** One entry of a goal's history as shown to the care team. */
    public record HistoryEntry(int version, Instant at, UUID by, String summary, String note) {
    }

    private final GoalRepository goals;
    private final ClientAccess access;
    private final JsonMapper json;
    private final Clock clock;

    Goals(GoalRepository goals, ClientAccess access, JsonMapper json, Clock clock) {
        this.goals = goals;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    /** The client's goals, active first. */
    public List<Goal> list(Actor actor, UUID clientId) {
        ClientRecord client = access.read(actor, clientId, "goals");
        return goals.forClient(client.practiceId(), client.id());
    }

    public Goal get(Actor actor, UUID clientId, UUID goalId) {
        ClientRecord client = access.read(actor, clientId, "goal");
        return goals.find(client.practiceId(), client.id(), goalId).orElseThrow(() -> ProblemException.notFound("Goal"));
    }

    @Transactional
    public Goal create(Actor actor, UUID clientId, GoalDraft draft) {
        ClientRecord client = access.change(actor, clientId, "goals");
        Instant now = clock.instant();
        checkTargetDate(client, draft.targetDate(), null);
        Goal goal = new Goal(client.practiceId(), Uuids.timeOrdered(), client.id(), clean(draft.statement()),
                blankToNull(draft.whyItMatters()), target(draft), draft.targetDate(), GoalStatus.ACTIVE, 1, now, now);
        goals.insert(goal, actor.accountId());
        goals.recordChange(goal, actor.accountId(), snapshot(goal), "created");
        return goal;
    }

    /** Changes a goal's wording, target or date; the earlier version stays in its history. */
    @Transactional
    public Goal update(Actor actor, UUID clientId, UUID goalId, GoalDraft draft, int expectedVersion, String note) {
        ClientRecord client = access.change(actor, clientId, "goal");
        Goal current = goals.find(client.practiceId(), client.id(), goalId).orElseThrow(() -> ProblemException.notFound("Goal"));
        checkTargetDate(client, draft.targetDate(), current.targetDate());
        Goal next = new Goal(current.practiceId(), current.id(), current.clientId(), clean(draft.statement()),
                blankToNull(draft.whyItMatters()), target(draft), draft.targetDate(), current.status(),
                current.version() + 1, current.createdAt(), clock.instant());
        save(actor, current, next, expectedVersion, note);
        return next;
    }

    /** Marks a goal achieved, revised, dropped or active again. */
    @Transactional
    public Goal setStatus(Actor actor, UUID clientId, UUID goalId, GoalStatus status, String note) {
        ClientRecord client = access.change(actor, clientId, "goal");
        Goal current = goals.find(client.practiceId(), client.id(), goalId).orElseThrow(() -> ProblemException.notFound("Goal"));
        if (status == null) {
            throw ProblemException.invalid("status", "must be ACTIVE, ACHIEVED, REVISED or DROPPED");
        }
        Goal next = new Goal(current.practiceId(), current.id(), current.clientId(), current.statement(),
                current.whyItMatters(), current.target(), current.targetDate(), status, current.version() + 1,
                current.createdAt(), clock.instant());
        save(actor, current, next, current.version(), note == null ? "now " + status.label() : note);
        return next;
    }

    public List<HistoryEntry> history(Actor actor, UUID clientId, UUID goalId) {
        ClientRecord client = access.read(actor, clientId, "goal history");
        goals.find(client.practiceId(), client.id(), goalId).orElseThrow(() -> ProblemException.notFound("Goal"));
        return goals.history(client.practiceId(), goalId).stream()
                .map(c -> new HistoryEntry(c.version(), c.at(), c.by(), summary(c.snapshot()), c.note())).toList();
    }

    /**
     * The client's goals with these ids, for modules that link to goals; empty for ids that are not
     * the client's. The caller has already checked access to the client.
     */
    public List<Goal> ofClient(UUID practiceId, UUID clientId, Collection<UUID> ids) {
        return goals.byIds(practiceId, clientId, ids);
    }

    /** Every goal of the client, for modules that have already checked access (the brief, progress). */
    public List<Goal> allOfClient(UUID practiceId, UUID clientId) {
        return goals.forClient(practiceId, clientId);
    }

    /**
     * A target date is today or later (in the client's zone) and within ten years; a goal whose date has
     * passed may keep it while other fields change, so an overdue goal can still be reworded.
     */
    private void checkTargetDate(ClientRecord client, LocalDate date, LocalDate unchanged) {
        if (date == null || date.equals(unchanged)) {
            return;
        }
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        if (date.isBefore(today)) {
            throw ProblemException.invalid("targetDate", "is in the past (" + Dates.day(date) + "); choose today or a later date");
        }
        if (date.isAfter(today.plusYears(10))) {
            throw ProblemException.invalid("targetDate", "is more than ten years ahead (" + Dates.day(date) + ")");
        }
    }

    private void save(Actor actor, Goal current, Goal next, int expectedVersion, String note) {
        if (note != null && note.length() > 1000) {
            throw ProblemException.invalid("note", "must be at most 1,000 characters");
        }
        if (!goals.update(next, expectedVersion, actor.accountId())) {
            throw ProblemException.conflict("Someone changed this goal meanwhile; reload it and try again.");
        }
        goals.recordChange(next, actor.accountId(), snapshot(next), note);
    }

    private static GoalTarget target(GoalDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String statement = clean(d.statement());
        if (statement.isEmpty() || statement.length() > 500) {
            problems.add(new FieldProblem("statement", "must be 1 to 500 characters"));
        }
        if (d.whyItMatters() != null && d.whyItMatters().length() > 2000) {
            problems.add(new FieldProblem("whyItMatters", "must be at most 2,000 characters"));
        }
        if (d.targetKind() == null) {
            problems.add(new FieldProblem("targetKind", "choose a measure threshold or a free metric"));
        }
        if (d.comparator() == null) {
            problems.add(new FieldProblem("comparator", "choose below, at most, above or at least"));
        }
        if (d.targetValue() == null) {
            problems.add(new FieldProblem("targetValue", "is required"));
        }
        String metric = blankToNull(d.metric());
        if (d.targetKind() == GoalTarget.Kind.MEASURE) {
            if (d.measure() == null) {
                problems.add(new FieldProblem("measure", "choose PHQ-9, GAD-7 or PHQ-8"));
            } else {
                checkRange(problems, "targetValue", d.targetValue(), d.measure());
                checkRange(problems, "baseline", d.baseline(), d.measure());
            }
            metric = null;
        } else if (d.targetKind() == GoalTarget.Kind.METRIC) {
            if (metric == null || metric.length() > 200) {
                problems.add(new FieldProblem("metric", "say what is counted, in at most 200 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new GoalTarget(d.targetKind(), d.targetKind() == GoalTarget.Kind.MEASURE ? d.measure() : null,
                d.comparator(), d.targetValue(), metric, d.baseline());
    }

    private static void checkRange(List<FieldProblem> problems, String field, BigDecimal value, Measure measure) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(measure.max())) > 0)) {
            problems.add(new FieldProblem(field, "must be between 0 and " + measure.max() + " for " + measure.label()));
        }
    }

    private String snapshot(Goal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", g.statement());
        m.put("whyItMatters", g.whyItMatters());
        m.put("target", g.target().describe());
        m.put("targetDate", g.targetDate() == null ? null : g.targetDate().toString());
        m.put("status", g.status().name());
        return json.writeValueAsString(m);
    }

    private String summary(String snapshot) {
        Map<?, ?> m = json.readValue(snapshot, Map.class);
        return m.get("statement") + " — " + m.get("target")
                + (m.get("targetDate") == null ? "" : ", by " + Dates.day(LocalDate.parse(String.valueOf(m.get("targetDate"))))) + " (" + String.valueOf(m.get("status")).toLowerCase() + ")";
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
