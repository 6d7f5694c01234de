package app.carryover.transcripts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import app.carryover.transcripts.reading.TranscriptFormat;

/** The one place that knows the transcript tables. */
@Repository
class TranscriptRepository {

    /** A transcript whose text was deleted by a pass of the retention rule. */
    record Deleted(UUID practiceId, UUID id, UUID clientId) {
    }

    /** Why a text was deleted under the default rule. */
    static final String ALL_DECIDED = "every detected assignment was confirmed or dismissed";

    private final JdbcClient jdbc;

    TranscriptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredTranscript t) {
        jdbc.sql("""
                INSERT INTO transcript (practice_id, id, client_id, session_id, clinician_id, uploaded_by, file_name, format,
                                        size_bytes, speakers, therapist_turns, homework_assigned, homework_reviewed,
                                        import_notes, body, uploaded_at, session_starts_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.practiceId(), t.id(), t.clientId(), t.sessionId(), t.clinicianId(), t.uploadedBy(), t.fileName(),
                        t.format().name(), t.sizeBytes(), t.speakers(), t.therapistTurns(), t.homeworkAssigned(),
                        t.homeworkReviewed(), t.importNotes(), t.text(), Timestamp.from(t.uploadedAt()),
                        Timestamp.from(t.sessionStartsAt()))
                .update();
    }

    void insert(StoredDetection d) {
        jdbc.sql("""
                INSERT INTO transcript_detection (practice_id, id, transcript_id, turn, kind, category, specific, summary,
                                                  evidence, turn_text, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.practiceId(), d.id(), d.transcriptId(), d.turn(), d.kind().name(),
                        d.category() == null ? null : d.category().name(), d.specific(), d.summary(),
                        d.evidence().toArray(new String[0]), d.turnText(), d.state() == null ? null : d.state().name())
                .update();
    }

    Optional<StoredTranscript> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql("SELECT * FROM transcript WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(practiceId, clientId, id).query(TranscriptRepository::transcript).optional();
    }

    /** The session's transcripts, newest first. */
    List<StoredTranscript> forSession(UUID practiceId, UUID clientId, UUID sessionId) {
        return jdbc.sql("""
                SELECT * FROM transcript WHERE practice_id = ? AND client_id = ? AND session_id = ?
                ORDER BY uploaded_at DESC, id DESC""")
                .params(practiceId, clientId, sessionId).query(TranscriptRepository::transcript).list();
    }

    /**
     * For the practice audit: the latest transcript of each session (a re-upload replaces the earlier
     * one), of one clinician's sessions or, with null, of the whole practice.
     */
    /**
     * The latest transcript of each session (of one clinician, or all when null) whose session started
     * in [from, until) (either end open when null).
     */
    List<StoredTranscript> latestPerSession(UUID practiceId, UUID clinicianId, Instant from, Instant until) {
        Timestamp start = from == null ? null : Timestamp.from(from);
        Timestamp end = until == null ? null : Timestamp.from(until);
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT DISTINCT ON (session_id) * FROM transcript
                    WHERE practice_id = ? AND (?::uuid IS NULL OR clinician_id = ?)
                    ORDER BY session_id, uploaded_at DESC, id DESC) latest
                WHERE (?::timestamptz IS NULL OR session_starts_at >= ?) AND (?::timestamptz IS NULL OR session_starts_at < ?)
                ORDER BY session_id""")
                .params(practiceId, clinicianId, clinicianId, start, start, end, end)
                .query(TranscriptRepository::transcript).list();
    }

    List<StoredDetection> detections(UUID practiceId, UUID transcriptId) {
        return jdbc.sql("""
                SELECT * FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? ORDER BY turn, kind, id""")
                .params(practiceId, transcriptId).query(TranscriptRepository::detection).list();
    }

    /** The detected assignments of many transcripts at once, for the audit. */
    List<StoredDetection> assignmentsOf(UUID practiceId, List<UUID> transcriptIds) {
        if (transcriptIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM transcript_detection
                WHERE practice_id = ? AND transcript_id = ANY (?) AND kind = 'ASSIGNS' ORDER BY transcript_id, turn""")
                .params(practiceId, transcriptIds.toArray(new UUID[0])).query(TranscriptRepository::detection).list();
    }

    /** One detection of the transcript, locked until the transaction ends so two decisions cannot race. */
    Optional<StoredDetection> lock(UUID practiceId, UUID transcriptId, UUID id) {
        return jdbc.sql("SELECT * FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND id = ? FOR UPDATE")
                .params(practiceId, transcriptId, id).query(TranscriptRepository::detection).optional();
    }

    Optional<StoredDetection> detection(UUID practiceId, UUID transcriptId, UUID id) {
        return jdbc.sql("SELECT * FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND id = ?")
                .params(practiceId, transcriptId, id).query(TranscriptRepository::detection).optional();
    }

    void decide(UUID practiceId, UUID id, StoredDetection.State state, UUID assignmentId, UUID by, Instant at) {
        jdbc.sql("""
                UPDATE transcript_detection SET state = ?, assignment_id = ?, decided_by = ?, decided_at = ?
                WHERE practice_id = ? AND id = ? AND state = 'PROPOSED'""")
                .params(state.name(), assignmentId, by, Timestamp.from(at), practiceId, id).update();
    }

    /** Keeps the copy of a session's start on its transcripts current when the session is moved. */
    int sessionMoved(UUID practiceId, UUID sessionId, Instant startsAt) {
        return jdbc.sql("UPDATE transcript SET session_starts_at = ? WHERE practice_id = ? AND session_id = ?")
                .params(Timestamp.from(startsAt), practiceId, sessionId).update();
    }

    /** Puts a dismissed detection back to waiting for a decision; false when it was not dismissed. */
    boolean reopen(UUID practiceId, UUID id) {
        return jdbc.sql("""
                UPDATE transcript_detection SET state = 'PROPOSED', assignment_id = NULL, decided_by = NULL, decided_at = NULL
                WHERE practice_id = ? AND id = ? AND state = 'DISMISSED'""")
                .params(practiceId, id).update() == 1;
    }

    int proposed(UUID practiceId, UUID transcriptId) {
        return jdbc.sql("""
                SELECT count(*) FROM transcript_detection WHERE practice_id = ? AND transcript_id = ? AND state = 'PROPOSED'""")
                .params(practiceId, transcriptId).query(Integer.class).single();
    }

    /** Deletes the text of one transcript and its detections' turn texts; false when it was already deleted. */
    boolean deleteText(UUID practiceId, UUID id, Instant at, String reason) {
        int changed = jdbc.sql("""
                UPDATE transcript SET body = NULL, import_notes = NULL, text_deleted_at = ?, text_deleted_reason = ?
                WHERE practice_id = ? AND id = ? AND body IS NOT NULL""")
                .params(Timestamp.from(at), reason, practiceId, id).update();
        if (changed > 0) {
            clearTurnTexts(practiceId, id);
        }
        return changed > 0;
    }

    /** Practices with any transcript text still kept, for the periodic retention pass. */
    List<UUID> practicesKeepingText() {
        return jdbc.sql("SELECT DISTINCT practice_id FROM transcript WHERE body IS NOT NULL").query(UUID.class).list();
    }

    /**
     * Deletes the practice's texts its rule no longer lets it keep: those uploaded before
     * {@code keptSince} under a DAYS rule, else those whose detected assignments are all decided. Each
     * row is changed (and returned) by one caller only, so nodes running the pass at once neither
     * repeat nor miss a deletion.
     */
    List<Deleted> deleteExpired(UUID practiceId, RetentionRule rule, Instant now) {
        List<Deleted> deleted;
        if (rule.mode() == RetentionRule.Mode.DAYS) {
            deleted = jdbc.sql("""
                    UPDATE transcript SET body = NULL, import_notes = NULL, text_deleted_at = ?, text_deleted_reason = ?
                    WHERE practice_id = ? AND body IS NOT NULL AND uploaded_at < ?
                    RETURNING practice_id, id, client_id""")
                    .params(Timestamp.from(now), "kept for " + rule.days() + " days after upload, as the practice's rule says",
                            practiceId, Timestamp.from(now.minus(Duration.ofDays(rule.days()))))
                    .query(TranscriptRepository::deleted).list();
        } else {
            deleted = jdbc.sql("""
                    UPDATE transcript t SET body = NULL, import_notes = NULL, text_deleted_at = ?, text_deleted_reason = ?
                    WHERE t.practice_id = ? AND t.body IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM transcript_detection d WHERE d.practice_id = t.practice_id
                                      AND d.transcript_id = t.id AND d.state = 'PROPOSED')
                    RETURNING t.practice_id, t.id, t.client_id""")
                    .params(Timestamp.from(now), ALL_DECIDED, practiceId).query(TranscriptRepository::deleted).list();
        }
        deleted.forEach(d -> clearTurnTexts(d.practiceId(), d.id()));
        return deleted;
    }

    private void clearTurnTexts(UUID practiceId, UUID transcriptId) {
        jdbc.sql("UPDATE transcript_detection SET turn_text = NULL WHERE practice_id = ? AND transcript_id = ?")
                .params(practiceId, transcriptId).update();
    }

    Set<UUID> discussed(UUID practiceId, UUID transcriptId) {
        return Set.copyOf(jdbc.sql("""
                SELECT assignment_id FROM transcript_discussed WHERE practice_id = ? AND transcript_id = ?""")
                .params(practiceId, transcriptId).query(UUID.class).list());
    }

    /** Replaces the assignments marked as discussed. */
    void setDiscussed(UUID practiceId, UUID transcriptId, Set<UUID> assignmentIds, UUID by, Instant at) {
        jdbc.sql("""
                DELETE FROM transcript_discussed WHERE practice_id = ? AND transcript_id = ? AND NOT (assignment_id = ANY (?))""")
                .params(practiceId, transcriptId, assignmentIds.toArray(new UUID[0])).update();
        for (UUID assignmentId : assignmentIds) {
            jdbc.sql("""
                    INSERT INTO transcript_discussed (practice_id, transcript_id, assignment_id, marked_at, marked_by)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(practiceId, transcriptId, assignmentId, Timestamp.from(at), by).update();
        }
    }

    RetentionRule rule(UUID practiceId) {
        return jdbc.sql("SELECT mode, days FROM transcript_retention WHERE practice_id = ?").param(practiceId)
                .query((rs, n) -> new RetentionRule(RetentionRule.Mode.valueOf(rs.getString(1)), (Integer) rs.getObject(2)))
                .optional().orElse(RetentionRule.DEFAULT);
    }

    void setRule(UUID practiceId, RetentionRule rule, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO transcript_retention (practice_id, mode, days, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (practice_id) DO UPDATE SET mode = excluded.mode, days = excluded.days,
                    changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .params(practiceId, rule.mode().name(), rule.days(), Timestamp.from(at), by).update();
    }

    private static StoredTranscript transcript(ResultSet rs, int n) throws SQLException {
        Timestamp deleted = rs.getTimestamp("text_deleted_at");
        return new StoredTranscript(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("clinician_id", UUID.class), rs.getObject("uploaded_by", UUID.class), rs.getString("file_name"),
                TranscriptFormat.valueOf(rs.getString("format")), rs.getInt("size_bytes"), rs.getString("speakers"),
                rs.getInt("therapist_turns"), rs.getBoolean("homework_assigned"), rs.getBoolean("homework_reviewed"),
                rs.getString("import_notes"), rs.getString("body"), rs.getTimestamp("uploaded_at").toInstant(),
                deleted == null ? null : deleted.toInstant(), rs.getString("text_deleted_reason"),
                rs.getTimestamp("session_starts_at").toInstant());
    }

    private static StoredDetection detection(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        String state = rs.getString("state");
        Timestamp decided = rs.getTimestamp("decided_at");
        Array evidence = rs.getArray("evidence");
        return new StoredDetection(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("transcript_id", UUID.class), rs.getInt("turn"),
                StoredDetection.Kind.valueOf(rs.getString("kind")),
                category == null ? null : HomeworkCategory.valueOf(category), (Boolean) rs.getObject("specific"),
                rs.getString("summary"), evidence == null ? List.of() : Arrays.asList((String[]) evidence.getArray()),
                rs.getString("turn_text"), state == null ? null : StoredDetection.State.valueOf(state),
                rs.getObject("assignment_id", UUID.class), decided == null ? null : decided.toInstant(),
                rs.getObject("decided_by", UUID.class));
    }

    private static Deleted deleted(ResultSet rs, int n) throws SQLException {
        return new Deleted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
    }
}
