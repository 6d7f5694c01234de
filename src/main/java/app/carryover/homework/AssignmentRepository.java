package app.carryover.homework;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The one place that knows the assignment tables (assignments, their goals and pauses). */
@Repository
class AssignmentRepository {

    private static final String SELECT = """
            SELECT a.*, coalesce((SELECT array_agg(g.goal_id ORDER BY g.goal_id) FROM assignment_goal g
                                  WHERE g.practice_id = a.practice_id AND g.assignment_id = a.id), '{}') AS goal_ids
            FROM assignment a""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssignmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Assignment a, UUID by) {
        Dose d = a.dose();
        jdbc.sql("""
                INSERT INTO assignment (practice_id, id, client_id, title, instructions, rationale, general,
                    assigned_in_session, worksheet_key, worksheet_version, dose_kind, dose_count, dose_weekdays, dose_times,
                    dose_trigger, starts_at, start_date, due_date, difficulty, exposure_step_id, status, previous_id,
                    coach_report, created_at, created_by, updated_at, revision, plan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(a.practiceId(), a.id(), a.clientId(), a.title(), a.instructions(), a.rationale(), a.general(),
                        a.assignedInSession(), a.worksheetKey(), a.worksheetVersion(), d.kind().name(), d.count(),
                        weekdays(d.weekdays()), d.times(), d.trigger(), Timestamp.from(a.startsAt()),
                        Date.valueOf(a.startDate()), a.dueDate() == null ? null : Date.valueOf(a.dueDate()),
                        a.difficulty(), a.exposureStepId(), a.status().name(), a.previousId(), a.coachReport(),
                        Timestamp.from(a.createdAt()), by, Timestamp.from(a.createdAt()), a.revision(), a.plan())
                .update();
        for (UUID goal : a.goalIds()) {
            jdbc.sql("INSERT INTO assignment_goal (practice_id, assignment_id, goal_id) VALUES (?, ?, ?)")
                    .params(a.practiceId(), a.id(), goal).update();
        }
    }

    /** Writes an edited assignment over revision {@code expected}; false when someone else changed it first. */
    boolean update(Assignment a, int expected, Instant now) {
        Dose d = a.dose();
        int changed = jdbc.sql("""
                UPDATE assignment SET title = ?, instructions = ?, rationale = ?, general = ?, worksheet_key = ?,
                    worksheet_version = ?, dose_kind = ?, dose_count = ?, dose_weekdays = ?, dose_times = ?, dose_trigger = ?,
                    starts_at = ?, start_date = ?, due_date = ?, difficulty = ?, exposure_step_id = ?, coach_report = ?::jsonb,
                    plan = ?, revision = ?, updated_at = ?
                WHERE practice_id = ? AND id = ? AND revision = ?""")
                .params(a.title(), a.instructions(), a.rationale(), a.general(), a.worksheetKey(), a.worksheetVersion(),
                        d.kind().name(), d.count(), weekdays(d.weekdays()), d.times(), d.trigger(),
                        Timestamp.from(a.startsAt()), Date.valueOf(a.startDate()),
                        a.dueDate() == null ? null : Date.valueOf(a.dueDate()), a.difficulty(), a.exposureStepId(),
                        a.coachReport(), a.plan(), a.revision(), Timestamp.from(now), a.practiceId(), a.id(), expected)
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM assignment_goal WHERE practice_id = ? AND assignment_id = ?").params(a.practiceId(), a.id()).update();
        for (UUID goal : a.goalIds()) {
            jdbc.sql("INSERT INTO assignment_goal (practice_id, assignment_id, goal_id) VALUES (?, ?, ?)")
                    .params(a.practiceId(), a.id(), goal).update();
        }
        return true;
    }

    void insertRevision(Assignment a, List<AssignmentRevision.FieldChange> changes, String note, Instant at, UUID by) {
        jdbc.sql("""
                INSERT INTO assignment_revision (practice_id, assignment_id, revision, changes, note, changed_at, changed_by)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(a.practiceId(), a.id(), a.revision(), json.writeValueAsString(changes), note, Timestamp.from(at), by)
                .update();
    }

    /** An assignment's recorded changes, newest first. */
    List<AssignmentRevision> revisions(UUID practiceId, UUID assignmentId) {
        return jdbc.sql("""
                SELECT revision, changed_at, changed_by, changes::text AS changes, note FROM assignment_revision
                WHERE practice_id = ? AND assignment_id = ? ORDER BY revision DESC""")
                .params(practiceId, assignmentId)
                .query((rs, n) -> new AssignmentRevision(rs.getInt("revision"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getObject("changed_by", UUID.class),
                        List.of(json.readValue(rs.getString("changes"), AssignmentRevision.FieldChange[].class)),
                        rs.getString("note")))
                .list();
    }

    Optional<Assignment> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ? AND a.id = ?")
                .params(practiceId, clientId, id).query(AssignmentRepository::map).optional();
    }

    List<Assignment> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ? ORDER BY a.created_at")
                .params(practiceId, clientId).query(AssignmentRepository::map).list();
    }

    /** The assignments of several clients that were not over before {@code from}, oldest first. */
    List<Assignment> forClientsSince(UUID practiceId, java.util.Collection<UUID> clientIds, LocalDate from) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ANY (?) AND (a.due_date IS NULL OR a.due_date >= ?) "
                + "ORDER BY a.created_at")
                .params(practiceId, clientIds.toArray(new UUID[0]), from).query(AssignmentRepository::map).list();
    }

    /** The client's open (active or paused) assignments, and any of these others, oldest first. */
    List<Assignment> openOrAmong(UUID practiceId, UUID clientId, java.util.Collection<UUID> others) {
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ?"
                        + " AND (a.status IN ('ACTIVE', 'PAUSED') OR a.id = ANY (?)) ORDER BY a.created_at")
                .params(practiceId, clientId, others.toArray(new UUID[0])).query(AssignmentRepository::map).list();
    }

    /** These assignments of the client (any status), oldest first. */
    List<Assignment> among(UUID practiceId, UUID clientId, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ? AND a.id = ANY (?) ORDER BY a.created_at")
                .params(practiceId, clientId, ids.toArray(new UUID[0])).query(AssignmentRepository::map).list();
    }

    /** The open (active or paused) assignments of several clients, each client's oldest first. */
    List<Assignment> openOfClients(UUID practiceId, java.util.Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.client_id = ANY (?) AND a.status IN ('ACTIVE', 'PAUSED')"
                        + " ORDER BY a.created_at")
                .params(practiceId, clientIds.toArray(new UUID[0])).query(AssignmentRepository::map).list();
    }

    List<Assignment> forStep(UUID practiceId, UUID stepId) {
        return jdbc.sql(SELECT + " WHERE a.practice_id = ? AND a.exposure_step_id = ? ORDER BY a.created_at")
                .params(practiceId, stepId).query(AssignmentRepository::map).list();
    }

    void setStatus(UUID practiceId, UUID id, AssignmentStatus status, Instant at) {
        jdbc.sql("UPDATE assignment SET status = ?, status_changed_at = ?, updated_at = ? WHERE practice_id = ? AND id = ?")
                .params(status.name(), Timestamp.from(at), Timestamp.from(at), practiceId, id).update();
    }

    void setCoachReport(UUID practiceId, UUID id, String json) {
        jdbc.sql("UPDATE assignment SET coach_report = ?::jsonb WHERE practice_id = ? AND id = ?")
                .params(json, practiceId, id).update();
    }

    /** Closes every open assignment of the client (discharge). */
    int closeOpen(UUID practiceId, UUID clientId, Instant at) {
        return jdbc.sql("""
                UPDATE assignment SET status = 'DISCONTINUED', status_changed_at = ?, updated_at = ?
                WHERE practice_id = ? AND client_id = ? AND status IN ('ACTIVE', 'PAUSED')""")
                .params(Timestamp.from(at), Timestamp.from(at), practiceId, clientId).update();
    }

    void pause(UUID practiceId, UUID id, LocalDate from) {
        jdbc.sql("INSERT INTO assignment_pause (practice_id, assignment_id, paused_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(practiceId, id, Date.valueOf(from)).update();
    }

    void resume(UUID practiceId, UUID id, LocalDate on) {
        jdbc.sql("UPDATE assignment_pause SET resumed_on = ? WHERE practice_id = ? AND assignment_id = ? AND resumed_on IS NULL")
                .params(Date.valueOf(on), practiceId, id).update();
    }

    /** Paused days of each assignment, up to {@code until} for pauses still running. */
    Map<UUID, Set<LocalDate>> pausedDays(UUID practiceId, List<UUID> assignments, LocalDate until) {
        return pausedDays(practiceId, assignments, id -> until);
    }

    /** Paused days of assignments of several clients, each still-paused one counted up to its own client's day. */
    Map<UUID, Set<LocalDate>> pausedDays(UUID practiceId, List<UUID> assignments,
            java.util.function.Function<UUID, LocalDate> untilOf) {
        Map<UUID, Set<LocalDate>> result = new HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT assignment_id, paused_on, resumed_on FROM assignment_pause WHERE practice_id = ? AND assignment_id = ANY (?)")
                .params(practiceId, assignments.toArray(new UUID[0]))
                .query(rs -> {
                    LocalDate from = rs.getDate(2).toLocalDate();
                    Date resumed = rs.getDate(3);
                    UUID assignment = rs.getObject(1, UUID.class);
                    LocalDate to = resumed == null ? untilOf.apply(assignment) : resumed.toLocalDate();
                    Set<LocalDate> days = result.computeIfAbsent(assignment, k -> new java.util.HashSet<>());
                    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                        days.add(d);
                    }
                });
        return result;
    }

    static String weekdays(Set<DayOfWeek> days) {
        return days.isEmpty() ? null : days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    static Assignment map(ResultSet rs, int row) throws SQLException {
        String days = rs.getString("dose_weekdays");
        Set<DayOfWeek> weekdays = days == null ? Set.of()
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        Dose dose = new Dose(Dose.Kind.valueOf(rs.getString("dose_kind")), rs.getInt("dose_count"), weekdays,
                rs.getString("dose_times"), rs.getString("dose_trigger"));
        Array goalArray = rs.getArray("goal_ids");
        List<UUID> goals = new ArrayList<>();
        for (Object o : (Object[]) goalArray.getArray()) {
            goals.add((UUID) o);
        }
        Date due = rs.getDate("due_date");
        return new Assignment(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("title"), rs.getString("instructions"),
                rs.getString("rationale"), rs.getBoolean("general"), goals, rs.getObject("assigned_in_session", UUID.class),
                rs.getString("worksheet_key"), (Integer) rs.getObject("worksheet_version"), dose,
                rs.getTimestamp("starts_at").toInstant(), rs.getDate("start_date").toLocalDate(),
                due == null ? null : due.toLocalDate(), rs.getInt("difficulty"), rs.getObject("exposure_step_id", UUID.class),
                AssignmentStatus.valueOf(rs.getString("status")), rs.getObject("previous_id", UUID.class),
                rs.getString("coach_report"), rs.getTimestamp("created_at").toInstant(), rs.getInt("revision"),
                rs.getString("plan"));
    }
}
