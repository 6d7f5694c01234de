package app.carryover.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the reminder settings, preferences and digest tables. */
@Repository
class PreferenceRepository {

    /** A practice's defaults as stored (absent: the built-in ones). */
    record Defaults(List<LocalTime> times, QuietHours quiet, Integer nudgeAfterDays, Integer taskAfterDays) {
        static final Defaults BUILT_IN = new Defaults(List.of(LocalTime.of(9, 0), LocalTime.of(18, 30)),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), 2, 4);
    }

    /** A client's own choices as stored; null times or quiet hours follow the practice. */
    record Stored(List<LocalTime> times, QuietHours quiet, boolean showTitles, String phone, String phoneProblem,
            String emailProblem, byte[] feedSealed, Instant feedCreatedAt, LocalDate plannedThrough, String pushProblem) {
        static final Stored NONE = new Stored(null, null, false, null, null, null, null, null, null, null);

        /** The last delivery problem of a channel, or null. */
        String problemOf(String channel) {
            return EmailChannel.KEY.equals(channel) ? emailProblem : PushChannel.KEY.equals(channel) ? pushProblem : phoneProblem;
        }
    }

    /** A clinician's digest choice. */
    record Digest(boolean enabled, int hour, LocalDate lastSentOn) {
    }

    /** Whether a clinician is e-mailed when a client sends a question, and up to when they were told. */
    record QuestionNotices(boolean byEmail, Instant noticedUntil) {
    }

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Defaults defaults(UUID practiceId) {
        return jdbc.sql("SELECT * FROM reminder_settings WHERE practice_id = ?").param(practiceId)
                .query((rs, n) -> new Defaults(ReminderTimes.split(rs.getString("times")),
                        new QuietHours(rs.getTime("quiet_start").toLocalTime(), rs.getTime("quiet_end").toLocalTime()),
                        (Integer) rs.getObject("nudge_after_days"), (Integer) rs.getObject("task_after_days")))
                .optional().orElse(Defaults.BUILT_IN);
    }

    void saveDefaults(UUID practiceId, Defaults d, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO reminder_settings (practice_id, times, quiet_start, quiet_end, nudge_after_days, task_after_days,
                    updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id) DO UPDATE SET times = EXCLUDED.times, quiet_start = EXCLUDED.quiet_start,
                    quiet_end = EXCLUDED.quiet_end, nudge_after_days = EXCLUDED.nudge_after_days,
                    task_after_days = EXCLUDED.task_after_days, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .params(practiceId, ReminderTimes.join(d.times()), Time.valueOf(d.quiet().start()), Time.valueOf(d.quiet().end()),
                        d.nudgeAfterDays(), d.taskAfterDays(), Timestamp.from(at), by)
                .update();
    }

    Stored stored(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT * FROM reminder_preferences WHERE practice_id = ? AND client_id = ?")
                .params(practiceId, clientId).query(PreferenceRepository::map).optional().orElse(Stored.NONE);
    }

    void saveChoices(UUID practiceId, UUID clientId, List<LocalTime> times, QuietHours quiet, boolean showTitles,
            String phone, Instant at) {
        jdbc.sql("""
                INSERT INTO reminder_preferences (practice_id, client_id, times, quiet_start, quiet_end, show_titles, phone,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, client_id) DO UPDATE SET times = EXCLUDED.times, quiet_start = EXCLUDED.quiet_start,
                    quiet_end = EXCLUDED.quiet_end, show_titles = EXCLUDED.show_titles,
                    phone_problem = CASE WHEN reminder_preferences.phone IS DISTINCT FROM EXCLUDED.phone THEN NULL
                                         ELSE reminder_preferences.phone_problem END,
                    phone = EXCLUDED.phone, planned_through = NULL, updated_at = EXCLUDED.updated_at""")
                .params(practiceId, clientId, times == null ? null : ReminderTimes.join(times),
                        quiet == null ? null : Time.valueOf(quiet.start()), quiet == null ? null : Time.valueOf(quiet.end()),
                        showTitles, phone, Timestamp.from(at))
                .update();
    }

    /** Sets the feed's secret, or removes it (all three null). */
    void setFeed(UUID practiceId, UUID clientId, byte[] hash, byte[] sealed, Instant createdAt, Instant now) {
        ensure(practiceId, clientId, now);
        jdbc.sql("""
                UPDATE reminder_preferences SET feed_hash = ?, feed_sealed = ?, feed_created_at = ?, updated_at = ?
                WHERE practice_id = ? AND client_id = ?""")
                .params(hash, sealed, createdAt == null ? null : Timestamp.from(createdAt), Timestamp.from(now),
                        practiceId, clientId).update();
    }

    /** The client whose feed has this secret's hash, from any practice (the feed address is all a calendar app sends). */
    Optional<UUID[]> byFeed(byte[] hash) {
        return jdbc.sql("SELECT practice_id, client_id FROM reminder_preferences WHERE feed_hash = ?").param(hash)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
    }

    /** Clients of any practice with this number (a STOP reply names only the number). */
    List<UUID[]> byPhone(String phone) {
        return jdbc.sql("SELECT practice_id, client_id FROM reminder_preferences WHERE phone = ?").param(phone)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    void setProblem(UUID practiceId, UUID clientId, String channel, String problem, Instant at) {
        ensure(practiceId, clientId, at);
        String column = problemColumn(channel);
        jdbc.sql("UPDATE reminder_preferences SET " + column + " = ? WHERE practice_id = ? AND client_id = ?")
                .params(problem, practiceId, clientId).update();
    }

    /** Clears a channel's delivery problem after a message got through (a no-op when there was none). */
    void clearProblem(UUID practiceId, UUID clientId, String channel) {
        String column = problemColumn(channel);
        jdbc.sql("UPDATE reminder_preferences SET " + column + " = NULL WHERE practice_id = ? AND client_id = ? AND "
                + column + " IS NOT NULL").params(practiceId, clientId).update();
    }

    void setPlannedThrough(UUID practiceId, UUID clientId, LocalDate day, Instant at) {
        ensure(practiceId, clientId, at);
        jdbc.sql("UPDATE reminder_preferences SET planned_through = ? WHERE practice_id = ? AND client_id = ?")
                .params(day == null ? null : java.sql.Date.valueOf(day), practiceId, clientId).update();
    }

    Digest digest(UUID practiceId, UUID accountId) {
        return jdbc.sql("SELECT enabled, hour, last_sent_on FROM reminder_digest WHERE practice_id = ? AND account_id = ?")
                .params(practiceId, accountId)
                .query((rs, n) -> new Digest(rs.getBoolean(1), rs.getInt(2), rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .optional().orElse(new Digest(false, 7, null));
    }

    void saveDigest(UUID practiceId, UUID accountId, boolean enabled, int hour, Instant at) {
        jdbc.sql("""
                INSERT INTO reminder_digest (practice_id, account_id, enabled, hour, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, account_id) DO UPDATE SET enabled = EXCLUDED.enabled, hour = EXCLUDED.hour,
                    updated_at = EXCLUDED.updated_at""")
                .params(practiceId, accountId, enabled, hour, Timestamp.from(at)).update();
    }

    /** Every enabled digest, across practices, for the background job. */
    List<UUID[]> enabledDigests() {
        return jdbc.sql("SELECT practice_id, account_id FROM reminder_digest WHERE enabled")
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** Marks today's digest as sent; false when another node (or an earlier run) already did. */
    boolean claimDigest(UUID practiceId, UUID accountId, LocalDate day) {
        return jdbc.sql("""
                UPDATE reminder_digest SET last_sent_on = ? WHERE practice_id = ? AND account_id = ? AND enabled
                AND (last_sent_on IS NULL OR last_sent_on < ?)""")
                .params(java.sql.Date.valueOf(day), practiceId, accountId, java.sql.Date.valueOf(day)).update() == 1;
    }

    /** Gives a claimed day back when its digest could not be sent, so the next run tries again. */
    void unclaimDigest(UUID practiceId, UUID accountId, LocalDate previous) {
        jdbc.sql("UPDATE reminder_digest SET last_sent_on = ? WHERE practice_id = ? AND account_id = ?")
                .params(previous == null ? null : java.sql.Date.valueOf(previous), practiceId, accountId).update();
    }

    QuestionNotices questionNotices(UUID practiceId, UUID accountId) {
        return jdbc.sql("SELECT questions_by_email, noticed_until FROM clinician_notice WHERE practice_id = ? AND account_id = ?")
                .params(practiceId, accountId)
                .query((rs, n) -> new QuestionNotices(rs.getBoolean(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional().orElse(new QuestionNotices(true, null));
    }

    void saveQuestionNotices(UUID practiceId, UUID accountId, boolean byEmail, Instant at) {
        jdbc.sql("""
                INSERT INTO clinician_notice (practice_id, account_id, questions_by_email, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (practice_id, account_id) DO UPDATE SET questions_by_email = EXCLUDED.questions_by_email,
                    updated_at = EXCLUDED.updated_at""")
                .params(practiceId, accountId, byEmail, Timestamp.from(at)).update();
    }

    /** Records that the clinician was told of everything sent before {@code until}. */
    void noticed(UUID practiceId, UUID accountId, Instant until, Instant at) {
        jdbc.sql("""
                INSERT INTO clinician_notice (practice_id, account_id, questions_by_email, noticed_until, updated_at)
                VALUES (?, ?, true, ?, ?)
                ON CONFLICT (practice_id, account_id) DO UPDATE SET noticed_until = EXCLUDED.noticed_until""")
                .params(practiceId, accountId, Timestamp.from(until), Timestamp.from(at)).update();
    }

    private void ensure(UUID practiceId, UUID clientId, Instant at) {
        jdbc.sql("""
                INSERT INTO reminder_preferences (practice_id, client_id, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (practice_id, client_id) DO NOTHING""")
                .params(practiceId, clientId, Timestamp.from(at)).update();
    }

    private static String problemColumn(String channel) {
        return EmailChannel.KEY.equals(channel) ? "email_problem" : PushChannel.KEY.equals(channel) ? "push_problem" : "phone_problem";
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        String times = rs.getString("times");
        Time qs = rs.getTime("quiet_start");
        Time qe = rs.getTime("quiet_end");
        Timestamp feedAt = rs.getTimestamp("feed_created_at");
        java.sql.Date planned = rs.getDate("planned_through");
        return new Stored(times == null ? null : ReminderTimes.split(times),
                qs == null ? null : new QuietHours(qs.toLocalTime(), qe.toLocalTime()), rs.getBoolean("show_titles"),
                rs.getString("phone"), rs.getString("phone_problem"), rs.getString("email_problem"),
                rs.getBytes("feed_sealed"), feedAt == null ? null : feedAt.toInstant(),
                planned == null ? null : planned.toLocalDate(), rs.getString("push_problem"));
    }
}
