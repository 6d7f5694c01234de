package app.carryover.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.audit.ClientReads;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;
import app.carryover.system.Uuids;

/**
 * Watches for one account reading many more clients' records than it usually does in a short time,
 * and tells the practice's admins (in Carryover and by e-mail, naming no client).
 *
 * <p>Every few minutes, on one node, for each practice: the accounts that read at least the
 * practice's floor of different clients within the last window (from the audit rows reads already
 * write, so the read path does no extra work) are compared with their own history: their usual
 * busy stretch is the 95th percentile of the different clients they read per window over the last
 * weeks, counting only stretches in which they read any. An alert is raised when the count is at
 * least the floor and at least the practice's multiple of that usual figure. One alert per account
 * per window: a burst that goes on raises a new one once a window has passed. Raising, e-mailing,
 * viewing, acknowledging and changing the thresholds are audited.
 */
@Service
public class UnusualAccess {

    /** What the audit calls the work that raises alerts. */
    static final String MONITOR = "unusual access monitor";
    static final String SUBJECT = "unusual access alert";
    private static final Logger log = LoggerFactory.getLogger(UnusualAccess.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A practice's thresholds. */
    public record Policy(int windowMinutes, int multiple, int floor, int baselineDays, Instant changedAt) {
        public static final Policy DEFAULT = new Policy(60, 3, 20, 28, null);

        Duration window() {
            return Duration.ofMinutes(windowMinutes);
        }

        int threshold(int usual) {
            return Math.max(floor, multiple * usual);
        }
    }

    /** One alert as admins see it. */
    public record Alert(UUID id, UUID accountId, String accountLabel, Instant firstRead, Instant lastRead, int clients,
            int usual, int threshold, int windowMinutes, int baselineDays, Instant raisedAt, int mailedTo,
            Instant acknowledgedAt, String acknowledgedBy, String acknowledgement) {
        public boolean open() {
            return acknowledgedAt == null;
        }
    }

    private final ClientReads reads;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Practices practices;
    private final Mailer mailer;
    private final Clock clock;
    private final String baseUrl;

    UnusualAccess(ClientReads reads, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit,
            Practices practices, Mailer mailer, Clock clock, ServerSettings server) {
        this.reads = reads;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.practices = practices;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    Policy policy(UUID practiceId) {
        return jdbc.sql("SELECT window_minutes, multiple, floor, baseline_days, changed_at FROM access_alert_policy "
                + "WHERE practice_id = ?").param(practiceId)
                .query((rs, n) -> new Policy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .optional().orElse(Policy.DEFAULT);
    }

    public Policy policy(Actor admin) {
        requireAdmin(admin);
        return policy(admin.practiceId());
    }

    /** Sets the practice's thresholds; every field out of range is named. */
    public Policy setPolicy(Actor admin, Integer windowMinutes, Integer multiple, Integer floor, Integer baselineDays) {
        requireAdmin(admin);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        check(problems, "windowMinutes", windowMinutes, 15, 1440, "The stretch of time", "minutes");
        check(problems, "multiple", multiple, 2, 20, "The multiple of the usual", "times");
        check(problems, "floor", floor, 5, 10000, "The least number of clients", "clients");
        check(problems, "baselineDays", baselineDays, 7, 180, "The history looked at", "days");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Instant now = clock.instant();
        Policy policy = new Policy(windowMinutes, multiple, floor, baselineDays, now);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO access_alert_policy (practice_id, window_minutes, multiple, floor, baseline_days, "
                    + "changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (practice_id) DO UPDATE SET "
                    + "window_minutes = excluded.window_minutes, multiple = excluded.multiple, floor = excluded.floor, "
                    + "baseline_days = excluded.baseline_days, changed_at = excluded.changed_at, changed_by = excluded.changed_by")
                    .params(admin.practiceId(), windowMinutes, multiple, floor, baselineDays, Timestamp.from(now),
                            admin.accountId())
                    .update();
            audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "unusual access thresholds", null,
                    "alert when one account reads at least " + floor + " different clients within " + windowMinutes
                            + " minutes and at least " + multiple + " times its usual (its last " + baselineDays + " days)"));
        });
        return policy;
    }

    private static void check(List<ProblemException.FieldProblem> problems, String field, Integer value, int min, int max,
            String what, String unit) {
        if (value == null || value < min || value > max) {
            problems.add(new ProblemException.FieldProblem(field, what + " must be a whole number of " + unit + " from "
                    + min + " to " + String.format(Locale.ENGLISH, "%,d", max) + "."));
        }
    }

    /** The practice's alerts, open ones first, then the newest; viewing them is audited. */
    public List<Alert> alerts(Actor admin, int limit) {
        requireAdmin(admin);
        List<Alert> alerts = jdbc.sql("SELECT * FROM access_alert WHERE practice_id = ? "
                + "ORDER BY acknowledged_at IS NOT NULL, raised_at DESC LIMIT ?")
                .params(admin.practiceId(), limit).query((rs, n) -> alert(rs)).list();
        audit.recordNow(AuditEntry.by(admin, null, AuditAction.READ, SUBJECT + "s", null,
                "viewed " + alerts.size() + " alert(s), " + alerts.stream().filter(Alert::open).count() + " open"));
        return alerts;
    }

    /** An admin acknowledges an alert, with an optional note; acknowledging it again changes nothing. */
    public Alert acknowledge(Actor admin, UUID alertId, String note) {
        requireAdmin(admin);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw ProblemException.invalid("note", "must be at most 1,000 characters");
        }
        return transactions.execute(status -> {
            Alert alert = find(admin.practiceId(), alertId).orElseThrow(() -> ProblemException.notFound("Alert"));
            if (!alert.open()) {
                return alert;
            }
            Instant now = clock.instant();
            jdbc.sql("UPDATE access_alert SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_label = ?, "
                    + "acknowledgement = ? WHERE practice_id = ? AND id = ?")
                    .params(Timestamp.from(now), admin.accountId(), admin.displayName(), text, admin.practiceId(), alertId)
                    .update();
            audit.record(AuditEntry.by(admin, null, AuditAction.CHANGE, SUBJECT, alertId,
                    "acknowledged the alert about " + alert.accountLabel() + (text == null ? "" : ": " + text)));
            return find(admin.practiceId(), alertId).orElseThrow();
        });
    }

    private Optional<Alert> find(UUID practiceId, UUID alertId) {
        return jdbc.sql("SELECT * FROM access_alert WHERE practice_id = ? AND id = ?").params(practiceId, alertId)
                .query((rs, n) -> alert(rs)).optional();
    }

    /** The background work: every practice. */
    public List<Alert> checkAll() {
        List<Alert> raised = new ArrayList<>();
        for (UUID practice : jdbc.sql("SELECT id FROM practice ORDER BY id").query(UUID.class).list()) {
            try {
                raised.addAll(check(practice));
            } catch (RuntimeException e) {
                log.error("Unusual access: could not check practice {}", practice, e);
            }
        }
        return raised;
    }

    /** Looks at the last window of one practice now; answers the alerts it raised. */
    public List<Alert> check(UUID practiceId) {
        Policy policy = policy(practiceId);
        Instant now = clock.instant();
        Instant from = now.minus(policy.window());
        List<Alert> raised = new ArrayList<>();
        for (ClientReads.Reader reader : reads.readersOfMany(practiceId, from, now, policy.floor())) {
            if (alertedSince(practiceId, reader.accountId(), from)) {
                continue;
            }
            List<Integer> history = reads.clientsPerWindow(practiceId, reader.accountId(),
                    now.minus(Duration.ofDays(policy.baselineDays())), from, policy.window());
            int usual = percentile95(history);
            int threshold = policy.threshold(usual);
            if (reader.clients() >= threshold) {
                raised.add(raise(practiceId, reader, usual, threshold, policy, from, now));
            }
        }
        return raised;
    }

    private boolean alertedSince(UUID practiceId, UUID accountId, Instant from) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM access_alert WHERE practice_id = ? AND account_id = ? AND window_end > ?)")
                .params(practiceId, accountId, Timestamp.from(from)).query(Boolean.class).single();
    }

    /** The 95th percentile (nearest rank) of the counts, 0 when there are none. */
    static int percentile95(List<Integer> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = counts.stream().sorted().toList();
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private Alert raise(UUID practiceId, ClientReads.Reader reader, int usual, int threshold, Policy policy, Instant from,
            Instant now) {
        UUID id = Uuids.timeOrdered();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO access_alert (practice_id, id, account_id, account_label, window_start, window_end, "
                    + "first_read_at, last_read_at, clients, usual, threshold, window_minutes, baseline_days, raised_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(practiceId, id, reader.accountId(), reader.label(), Timestamp.from(from), Timestamp.from(now),
                            Timestamp.from(reader.firstRead()), Timestamp.from(reader.lastRead()), reader.clients(), usual,
                            threshold, policy.windowMinutes(), policy.baselineDays(), Timestamp.from(now))
                    .update();
            audit.record(new AuditEntry(practiceId, null, MONITOR, null, AuditAction.CREATE, SUBJECT, id.toString(),
                    "raised: " + reader.label() + " read " + reader.clients() + " different clients' records within "
                            + policy.windowMinutes() + " minutes; usual for them at most " + usual + "; alert at " + threshold));
        });
        Alert alert = find(practiceId, id).orElseThrow();
        ZoneId zone = practices.zoneOf(practiceId);
        List<Practices.Person> admins = practices.admins(practiceId).stream().filter(Practices.Person::active).toList();
        int mailed = 0;
        for (Practices.Person admin : admins) {
            try {
                mailer.send(admin.email(), "Carryover: unusual access to client records by " + name(alert.accountLabel()),
                        message(admin, alert, zone));
                mailed++;
            } catch (RuntimeException e) {
                log.error("Could not e-mail an unusual access alert to account {}", admin.id(), e);
            }
        }
        int sent = mailed;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE access_alert SET mailed_to = ? WHERE practice_id = ? AND id = ?").params(sent, practiceId, id)
                    .update();
            audit.record(new AuditEntry(practiceId, null, MONITOR, null, AuditAction.CHANGE, SUBJECT, id.toString(),
                    "e-mailed to " + sent + " of " + admins.size() + " admin(s)"));
        });
        log.warn("Unusual access in practice {}: account {} read {} different clients within {} minutes (usual {}, alert at {})",
                practiceId, reader.accountId(), reader.clients(), policy.windowMinutes(), usual, threshold);
        return find(practiceId, id).orElseThrow();
    }

    /** "Chris Primary (clinician)" → "Chris Primary". */
    static String name(String label) {
        int paren = label.lastIndexOf(" (");
        return paren > 0 ? label.substring(0, paren) : label;
    }

    /** When the reads happened, in the practice's zone, with the date and its year. */
    public static String stretch(Alert alert, ZoneId zone) {
        var first = alert.firstRead().atZone(zone);
        var last = alert.lastRead().atZone(zone);
        return first.toLocalDate().equals(last.toLocalDate())
                ? "between " + TIME.format(first) + " and " + TIME.format(last) + " on " + DAY.format(first)
                : "between " + TIME.format(first) + " on " + DAY.format(first) + " and " + TIME.format(last) + " on "
                        + DAY.format(last);
    }

    private String message(Practices.Person admin, Alert alert, ZoneId zone) {
        return "Hello " + admin.displayName() + ",\n\n"
                + alert.accountLabel() + " opened " + alert.clients() + " different clients' records in Carryover "
                + stretch(alert, zone) + " (" + zone.getId() + " time).\n"
                + usualInWords(alert) + "\n\n"
                + "This may have a good reason (a new caseload, covering for a colleague, a records review), or someone may "
                + "be using the account without need. Please look at what was read and acknowledge the alert:\n"
                + baseUrl + "/admin/access-alerts\n\n"
                + "This message names no client on purpose.";
    }

    /** "Usually they read at most 3 in 60 minutes (their busiest stretches over the last 28 days); …". */
    public static String usualInWords(Alert alert) {
        String usual = alert.usual() == 0
                ? "They had read no client's record in the " + alert.baselineDays() + " days before"
                : "Usually they read at most " + alert.usual() + " in " + alert.windowMinutes()
                        + " minutes (their busy stretches over the last " + alert.baselineDays() + " days)";
        return usual + "; the practice is alerted at " + alert.threshold() + " or more.";
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("account_label"), rs.getTimestamp("first_read_at").toInstant(),
                rs.getTimestamp("last_read_at").toInstant(), rs.getInt("clients"), rs.getInt("usual"),
                rs.getInt("threshold"), rs.getInt("window_minutes"), rs.getInt("baseline_days"),
                rs.getTimestamp("raised_at").toInstant(), rs.getInt("mailed_to"),
                acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledged_label"),
                rs.getString("acknowledgement"));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins see and acknowledge unusual access alerts.");
        }
    }

    /** Every five minutes, on one node: the check of every practice. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        static final String TASK = "unusual-access";

        @Bean
        RecurringTask<Void> unusualAccessTask(UnusualAccess unusualAccess) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(5)))
                    .execute((instance, context) -> unusualAccess.checkAll());
        }
    }
}
