package app.carryover.homework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.PracticeZones;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/**
 * The practice's homework standard in numbers, per clinician and month, from the app's own records
 * (never transcripts): how often held sessions set homework, how much of it is linked to a goal and
 * passed the coach's checks when assigned, how much due homework was reviewed at the next held
 * session, the median adherence at those reviews, and the client's questions left unanswered.
 * Clinicians see their own figures, supervisors also those of the clinicians whose clients they
 * supervise, admins every clinician's and the practice's totals. Only counts: no client is named.
 * The definitions are in docs/homework-standard.md.
 */
@Service
public class HomeworkStandard {

    /** Published reference rates the figures are set beside. */
    public static final double SESSIONS_SETTING_HOMEWORK = 0.61;
    public static final double HOMEWORK_REVIEWED = 0.50;

    /** A share: part of a whole, null when there is no whole. */
    public record Share(int part, int whole) {
        public Double value() {
            return whole == 0 ? null : (double) part / whole;
        }

        /** "62% (8 of 13)", or "—" when nothing counted. */
        public String words() {
            return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "% (" + part + " of " + whole + ")";
        }
    }

    /** One clinician's (or the practice's) month. */
    public record Month(YearMonth month, Share setHomework, Share linkedToGoal, Share passedCoach, Share reviewed,
            Double medianQuantity, Double medianQuality, int questionsAsked, int questionsUnanswered) {
    }

    /** One clinician's months, oldest first; {@code clinicianId} is null for the practice's totals. */
    public record Row(UUID clinicianId, String clinician, List<Month> months) {
    }

    /** The report: whose figures, over which months. */
    public record Report(YearMonth from, YearMonth to, String scope, List<Row> rows) {
    }

    private final JdbcClient jdbc;
    private final PracticeZones zones;
    private final AuditTrail audit;
    private final Clock clock;

    HomeworkStandard(JdbcClient jdbc, PracticeZones zones, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
    }

    /** The months from {@code from} to {@code to} (default: the last six, this one included). */
    public Report report(Actor actor, YearMonth from, YearMonth to, boolean export) {
        if (!actor.has(Role.CLINICIAN) && !actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("The homework standard is for clinicians, supervisors and admins.");
        }
        ZoneId zone = zones.zoneOf(actor.practiceId());
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        YearMonth last = to == null ? now : to;
        YearMonth first = from == null ? last.minusMonths(5) : from;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "is after the last month (" + last + ")");
        }
        if (first.plusMonths(35).isBefore(last)) {
            throw ProblemException.invalid("from", "the report covers at most 36 months");
        }
        Map<UUID, String> visible = visibleClinicians(actor);
        boolean totals = actor.has(Role.ADMIN);
        audit.recordNow(AuditEntry.by(actor, null, export ? AuditAction.EXPORT : AuditAction.READ, "homework standard",
                null, first + " to " + last + ", " + visible.size() + " clinician(s)" + (totals ? " and practice totals" : "")));
        Figures figures = new Figures(actor.practiceId(), zone, first, last);
        List<Row> rows = new ArrayList<>();
        visible.forEach((id, name) -> rows.add(new Row(id, name, figures.months(id, first, last))));
        if (totals) {
            rows.add(new Row(null, "Practice total", figures.months(null, first, last)));
        }
        String scope = totals ? "every clinician of the practice, and its totals"
                : visible.size() > 1 ? "you and the clinicians whose clients you supervise" : "your own";
        return new Report(first, last, scope, rows);
    }

    /** Whose figures this person may see, by name: admins all clinicians; clinicians themselves and their supervisees. */
    private Map<UUID, String> visibleClinicians(Actor actor) {
        Map<UUID, String> result = new LinkedHashMap<>();
        if (actor.has(Role.ADMIN)) {
            jdbc.sql("SELECT id, display_name FROM account WHERE practice_id = ? AND 'CLINICIAN' = ANY (roles) ORDER BY display_name, id")
                    .param(actor.practiceId()).query((rs, n) -> result.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
            return result;
        }
        result.put(actor.accountId(), actor.displayName());
        jdbc.sql("""
                SELECT DISTINCT a.id, a.display_name FROM care_team_member me
                JOIN care_team_member m ON m.practice_id = me.practice_id AND m.client_id = me.client_id
                    AND m.team_role IN ('PRIMARY', 'CO_THERAPIST')
                JOIN account a ON a.practice_id = m.practice_id AND a.id = m.clinician_id
                WHERE me.practice_id = ? AND me.clinician_id = ? AND me.team_role = 'SUPERVISOR' AND a.id <> ?
                ORDER BY a.display_name, a.id""")
                .params(actor.practiceId(), actor.accountId(), actor.accountId())
                .query((rs, n) -> result.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return result;
    }

    /** Every figure of the practice for the months, by clinician and in total (key: clinician or null, month). */
    private final class Figures {

        private final Map<String, long[]> counts = new HashMap<>();
        private final Map<String, Double[]> medians = new HashMap<>();

        Figures(UUID practiceId, ZoneId zone, YearMonth first, YearMonth last) {
            Timestamp start = Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant());
            Timestamp end = Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            String tz = zone.getId();
            // 0 held, 1 held that set homework
            collect(0, """
                    SELECT s.clinician_id AS who, to_char(s.starts_at AT TIME ZONE :tz, 'YYYY-MM') AS month,
                        count(*) AS a, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assignment x
                            WHERE x.practice_id = s.practice_id AND x.assigned_in_session = s.id)) AS b
                    FROM therapy_session s
                    WHERE s.practice_id = :p AND s.status = 'HELD' AND s.starts_at >= :start AND s.starts_at < :end
                    GROUP BY GROUPING SETS ((1, 2), (2))""", practiceId, tz, start, end);
            // 2 set, 3 linked to a goal, 4 judged by the coach, 5 passed
            collect(2, """
                    SELECT x.created_by AS who, to_char(x.created_at AT TIME ZONE :tz, 'YYYY-MM') AS month, count(*) AS a,
                        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assignment_goal g
                            WHERE g.practice_id = x.practice_id AND g.assignment_id = x.id)) AS b,
                        count(*) FILTER (WHERE x.coach_report IS NOT NULL) AS c,
                        count(*) FILTER (WHERE upper(x.coach_report ->> 'overall') = 'PROFESSIONAL') AS d
                    FROM assignment x
                    WHERE x.practice_id = :p AND x.created_at >= :start AND x.created_at < :end
                    GROUP BY GROUPING SETS ((1, 2), (2))""", practiceId, tz, start, end);
            // 6 due at a held session, 7 reviewed there (the first held session after it was set, or after its due date)
            collect(6, """
                    SELECT s.clinician_id AS who, to_char(s.starts_at AT TIME ZONE :tz, 'YYYY-MM') AS month, count(*) AS a,
                        count(r.id) AS b
                    FROM assignment x
                    JOIN client c ON c.practice_id = x.practice_id AND c.id = x.client_id
                    JOIN LATERAL (SELECT t.id, t.clinician_id, t.starts_at FROM session_participant sp
                        JOIN therapy_session t ON t.practice_id = sp.practice_id AND t.id = sp.session_id
                        WHERE sp.practice_id = x.practice_id AND sp.client_id = x.client_id AND t.status = 'HELD'
                          AND t.starts_at > CASE WHEN x.due_date IS NOT NULL
                                THEN (x.due_date::timestamp AT TIME ZONE c.time_zone)
                                ELSE greatest(x.starts_at, coalesce((SELECT a.starts_at FROM therapy_session a
                                    WHERE a.practice_id = x.practice_id AND a.id = x.assigned_in_session), x.starts_at)) END
                        ORDER BY t.starts_at LIMIT 1) s ON true
                    LEFT JOIN homework_review r ON r.practice_id = x.practice_id AND r.assignment_id = x.id
                        AND r.session_id = s.id AND r.decision IS NOT NULL
                    WHERE x.practice_id = :p AND s.starts_at >= :start AND s.starts_at < :end
                      AND (x.status IN ('ACTIVE', 'PAUSED') OR x.status_changed_at >= s.starts_at OR r.id IS NOT NULL)
                    GROUP BY GROUPING SETS ((1, 2), (2))""", practiceId, tz, start, end);
            // 8 questions asked (anything but "Got it"), 9 still unanswered; by the clinician who set the assignment
            collect(8, """
                    SELECT x.created_by AS who, to_char(q.created_at AT TIME ZONE :tz, 'YYYY-MM') AS month, count(*) AS a,
                        count(*) FILTER (WHERE q.reply IS NULL) AS b
                    FROM assignment_response q
                    JOIN assignment x ON x.practice_id = q.practice_id AND x.id = q.assignment_id
                    WHERE q.practice_id = :p AND q.kind <> 'GOT_IT' AND q.created_at >= :start AND q.created_at < :end
                    GROUP BY GROUPING SETS ((1, 2), (2))""", practiceId, tz, start, end);
            jdbc.sql("""
                    SELECT t.clinician_id AS who, to_char(t.starts_at AT TIME ZONE :tz, 'YYYY-MM') AS month,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY least(r.done_count / r.expected_count, 1))
                            FILTER (WHERE r.expected_count > 0) AS quantity,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.clinician_rating)
                            FILTER (WHERE r.clinician_rating IS NOT NULL) AS quality
                    FROM homework_review r
                    JOIN therapy_session t ON t.practice_id = r.practice_id AND t.id = r.session_id
                    WHERE r.practice_id = :p AND r.decision IS NOT NULL AND t.starts_at >= :start AND t.starts_at < :end
                    GROUP BY GROUPING SETS ((1, 2), (2))""")
                    .param("p", practiceId).param("tz", tz).param("start", start).param("end", end)
                    .query((rs, n) -> medians.put(key(rs.getObject("who", UUID.class), rs.getString("month")),
                            new Double[] {(Double) rs.getObject("quantity"), (Double) rs.getObject("quality")}))
                    .list();
        }

        private void collect(int at, String sql, UUID practiceId, String tz, Timestamp start, Timestamp end) {
            boolean four = sql.contains(" AS d");
            jdbc.sql(sql).param("p", practiceId).param("tz", tz).param("start", start).param("end", end)
                    .query((rs, n) -> {
                        long[] row = counts.computeIfAbsent(key(rs.getObject("who", UUID.class), rs.getString("month")),
                                k -> new long[10]);
                        row[at] = rs.getLong("a");
                        row[at + 1] = rs.getLong("b");
                        if (four) {
                            row[at + 2] = rs.getLong("c");
                            row[at + 3] = rs.getLong("d");
                        }
                        return null;
                    }).list();
        }

        List<Month> months(UUID clinicianId, YearMonth first, YearMonth last) {
            List<Month> result = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                long[] c = counts.getOrDefault(key(clinicianId, m.toString()), new long[10]);
                Double[] med = medians.getOrDefault(key(clinicianId, m.toString()), new Double[2]);
                result.add(new Month(m, share(c[1], c[0]), share(c[3], c[2]), share(c[5], c[4]), share(c[7], c[6]),
                        med[0], med[1], (int) c[8], (int) c[9]));
            }
            return result;
        }

        private static Share share(long part, long whole) {
            return new Share((int) part, (int) whole);
        }

        private static String key(UUID who, String month) {
            return (who == null ? "total" : who.toString()) + "/" + month;
        }
    }

}
