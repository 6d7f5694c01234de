package app.carryover.reminders;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.carryover.system.Uuids;

/** The one place that knows the reminder and message-item tables. */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a planned reminder once per slot. A slot cancelled earlier (the client changed their
     * times and changed them back) is planned again while still ahead. True when a row is now planned.
     */
    boolean plan(UUID practiceId, UUID clientId, ReminderPlan.Planned p, UUID snoozedFrom, Instant now) {
        return jdbc.sql("""
                INSERT INTO reminder (practice_id, id, client_id, subject, subject_key, assignment_id, local_date, slot, due_at,
                    state, snoozed_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)
                ON CONFLICT (practice_id, client_id, subject, subject_key, local_date, slot) DO UPDATE
                    SET state = 'PLANNED', reason = NULL, due_at = EXCLUDED.due_at, updated_at = EXCLUDED.updated_at
                    WHERE reminder.state = 'CANCELLED' AND EXCLUDED.due_at > EXCLUDED.updated_at""")
                .params(practiceId, Uuids.timeOrdered(), clientId, p.subject().name(), p.subjectKey(), p.assignmentId(),
                        Date.valueOf(p.localDate()), p.slot(), Timestamp.from(p.dueAt()), snoozedFrom,
                        Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Serialises the work on one client's reminders until the transaction ends. Planning, cancelling,
     * skipping and sending all change several of a client's reminder rows; they run concurrently (one
     * listener per event, a sender per moment), and without one lock taken first they took row locks in
     * different orders and deadlocked, leaving a discharged client's reminders planned.
     */
    void lockClient(UUID clientId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("reminders:" + clientId).query((rs, n) -> 1).list();
    }

    /** Planned reminders of a client still ahead (after {@code from}), for the calendar feed and replanning. */
    List<StoredReminder> plannedAfter(UUID practiceId, UUID clientId, Instant from) {
        return jdbc.sql("""
                SELECT * FROM reminder WHERE practice_id = ? AND client_id = ? AND state = 'PLANNED' AND due_at > ?
                ORDER BY due_at""")
                .params(practiceId, clientId, Timestamp.from(from)).query(ReminderRepository::map).list();
    }

    /** Reminders planned for one moment, locked so two nodes never compose the same moment at once. */
    List<StoredReminder> plannedAtForUpdate(UUID practiceId, UUID clientId, Instant dueAt) {
        lockClient(clientId);
        return jdbc.sql("""
                SELECT * FROM reminder WHERE practice_id = ? AND client_id = ? AND due_at = ? AND state = 'PLANNED'
                ORDER BY subject, subject_key FOR UPDATE""")
                .params(practiceId, clientId, Timestamp.from(dueAt)).query(ReminderRepository::map).list();
    }

    List<StoredReminder> ofMessage(UUID practiceId, UUID messageId) {
        return jdbc.sql("""
                SELECT r.* FROM reminder r JOIN reminder_message_item i ON i.practice_id = r.practice_id AND i.reminder_id = r.id
                WHERE i.practice_id = ? AND i.message_id = ? ORDER BY r.subject, r.subject_key""")
                .params(practiceId, messageId).query(ReminderRepository::map).list();
    }

    List<StoredReminder> ofClientSince(UUID practiceId, UUID clientId, LocalDate since) {
        return jdbc.sql("SELECT * FROM reminder WHERE practice_id = ? AND client_id = ? AND local_date >= ? ORDER BY due_at")
                .params(practiceId, clientId, Date.valueOf(since)).query(ReminderRepository::map).list();
    }

    void setState(UUID practiceId, UUID id, String state, String reason, Instant now) {
        jdbc.sql("UPDATE reminder SET state = ?, reason = ?, updated_at = ? WHERE practice_id = ? AND id = ?")
                .params(state, reason, Timestamp.from(now), practiceId, id).update();
    }

    /** Cancels a client's planned reminders from a moment on (new times, discharge); returns how many. */
    int cancelPlanned(UUID practiceId, UUID clientId, Instant from, String reason, Instant now) {
        lockClient(clientId);
        return jdbc.sql("""
                UPDATE reminder SET state = 'CANCELLED', reason = ?, updated_at = ?
                WHERE practice_id = ? AND client_id = ? AND state = 'PLANNED' AND due_at >= ?""")
                .params(reason, Timestamp.from(now), practiceId, clientId, Timestamp.from(from)).update();
    }

    /** Skips the rest of a day's planned reminders for these subjects. */
    int skipDay(UUID practiceId, UUID clientId, LocalDate day, List<String> subjectKeys, Instant now) {
        lockClient(clientId);
        return jdbc.sql("""
                UPDATE reminder SET state = 'SKIPPED', reason = 'skipped today by the client', updated_at = ?
                WHERE practice_id = ? AND client_id = ? AND local_date = ? AND state = 'PLANNED' AND subject_key = ANY (?)""")
                .params(Timestamp.from(now), practiceId, clientId, Date.valueOf(day), subjectKeys.toArray(new String[0]))
                .update();
    }

    void link(UUID practiceId, UUID messageId, UUID reminderId) {
        jdbc.sql("""
                INSERT INTO reminder_message_item (practice_id, message_id, reminder_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(practiceId, messageId, reminderId).update();
    }

    void opened(UUID practiceId, UUID messageId, Instant at) {
        jdbc.sql("""
                UPDATE reminder SET opened_at = ? WHERE practice_id = ? AND opened_at IS NULL AND id IN
                (SELECT reminder_id FROM reminder_message_item WHERE practice_id = ? AND message_id = ?)""")
                .params(Timestamp.from(at), practiceId, practiceId, messageId).update();
    }

    /** Marks reminders of an assignment on a day as practised by an entry made at or after them. */
    int practised(UUID practiceId, UUID clientId, UUID assignmentId, LocalDate day, Instant at) {
        lockClient(clientId);
        return jdbc.sql("""
                UPDATE reminder SET practised_at = ? WHERE practice_id = ? AND client_id = ? AND assignment_id = ?
                AND local_date = ? AND due_at <= ? AND practised_at IS NULL AND state IN ('QUEUED', 'SNOOZED')""")
                .params(Timestamp.from(at), practiceId, clientId, assignmentId, Date.valueOf(day), Timestamp.from(at))
                .update();
    }

    /**
     * Marks a client's reminders about a questionnaire as answered (the funnel's last step for them):
     * those that came in the two weeks before the answer (a window is at most a week long).
     */
    int answered(UUID practiceId, UUID clientId, String instrument, Instant at) {
        lockClient(clientId);
        return jdbc.sql("""
                UPDATE reminder SET practised_at = ? WHERE practice_id = ? AND client_id = ? AND subject = 'MEASURE'
                AND subject_key LIKE ? AND due_at <= ? AND due_at > ? AND practised_at IS NULL
                AND state IN ('QUEUED', 'SNOOZED')""")
                .params(Timestamp.from(at), practiceId, clientId, instrument.replace("%", "").replace("_", "\\_") + "/%",
                        Timestamp.from(at), Timestamp.from(at.minus(Duration.ofDays(14))))
                .update();
    }

    static StoredReminder map(ResultSet rs, int n) throws SQLException {
        Timestamp opened = rs.getTimestamp("opened_at");
        Timestamp practised = rs.getTimestamp("practised_at");
        return new StoredReminder(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), Subject.valueOf(rs.getString("subject")), rs.getString("subject_key"),
                rs.getObject("assignment_id", UUID.class), rs.getDate("local_date").toLocalDate(), rs.getString("slot"),
                rs.getTimestamp("due_at").toInstant(), rs.getString("state"), rs.getString("reason"),
                rs.getObject("snoozed_from", UUID.class), opened == null ? null : opened.toInstant(),
                practised == null ? null : practised.toInstant());
    }
}
