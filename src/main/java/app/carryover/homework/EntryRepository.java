package app.carryover.homework;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.carryover.worksheets.ExtractedValue;

/** The one place that knows the practice entry tables (entries, their revisions and extracted values). */
@Repository
class EntryRepository {

    private static final String SELECT = """
            SELECT e.*,
                   (SELECT array_agg(v.key ORDER BY v.key) FROM entry_value v
                    WHERE v.practice_id = e.practice_id AND v.entry_id = e.id) AS value_keys,
                   (SELECT array_agg(v.value ORDER BY v.key) FROM entry_value v
                    WHERE v.practice_id = e.practice_id AND v.entry_id = e.id) AS value_numbers
            FROM practice_entry e""";

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the entry unless one with the same client-made id exists (a retry); returns the entry as
     * stored, or nothing when this call did not store it. One statement for a quick log: the row comes
     * back from the insert; an entry with extracted values is read back once they are stored.
     */
    Optional<PracticeEntry> insertOnce(PracticeEntry e, List<ExtractedValue> values) {
        Optional<PracticeEntry> stored = jdbc.sql("""
                INSERT INTO practice_entry (practice_id, id, assignment_id, client_id, client_entry_id, occurred_at,
                    local_date, time_zone, rating, note, worksheet_key, worksheet_version, answers, revision, edited,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 1, false, ?, ?)
                ON CONFLICT (practice_id, client_id, client_entry_id) DO NOTHING
                RETURNING *, NULL::text[] AS value_keys, NULL::numeric[] AS value_numbers""")
                .params(e.practiceId(), e.id(), e.assignmentId(), e.clientId(), e.clientEntryId(),
                        Timestamp.from(e.occurredAt()), Date.valueOf(e.localDate()), e.timeZone(), e.rating(), e.note(),
                        e.worksheetKey(), e.worksheetVersion(), e.answers(), Timestamp.from(e.createdAt()),
                        Timestamp.from(e.createdAt()))
                .query(EntryRepository::map).optional();
        if (stored.isPresent() && !values.isEmpty()) {
            storeValues(e.practiceId(), e.id(), values);
            return find(e.practiceId(), e.clientId(), e.id());
        }
        return stored;
    }

    Optional<PracticeEntry> byClientEntryId(UUID practiceId, UUID clientId, UUID clientEntryId) {
        return jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.client_id = ? AND e.client_entry_id = ?")
                .params(practiceId, clientId, clientEntryId).query(EntryRepository::map).optional();
    }

    Optional<PracticeEntry> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.client_id = ? AND e.id = ? AND e.deleted_at IS NULL")
                .params(practiceId, clientId, id).query(EntryRepository::map).optional();
    }

    List<PracticeEntry> forAssignment(UUID practiceId, UUID assignmentId) {
        return jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.assignment_id = ? AND e.deleted_at IS NULL ORDER BY e.occurred_at")
                .params(practiceId, assignmentId).query(EntryRepository::map).list();
    }

    /** The entries of several assignments (deleted ones left out), by assignment, each in time order. */
    Map<UUID, List<PracticeEntry>> forAssignments(UUID practiceId, List<UUID> assignments) {
        Map<UUID, List<PracticeEntry>> result = new java.util.HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.assignment_id = ANY (?) AND e.deleted_at IS NULL ORDER BY e.occurred_at")
                .params(practiceId, assignments.toArray(new UUID[0])).query(EntryRepository::map).list()
                .forEach(e -> result.computeIfAbsent(e.assignmentId(), k -> new java.util.ArrayList<>()).add(e));
        return result;
    }

    /** The entries of these assignments of one client (deleted ones left out), by assignment, each in time order. */
    Map<UUID, List<PracticeEntry>> forAssignmentsOfClient(UUID practiceId, UUID clientId, java.util.Collection<UUID> assignments) {
        Map<UUID, List<PracticeEntry>> result = new java.util.HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.client_id = ? AND e.assignment_id = ANY (?) AND e.deleted_at IS NULL"
                + " ORDER BY e.occurred_at")
                .params(practiceId, clientId, assignments.toArray(new UUID[0])).query(EntryRepository::map).list()
                .forEach(e -> result.computeIfAbsent(e.assignmentId(), k -> new java.util.ArrayList<>()).add(e));
        return result;
    }

    List<PracticeEntry> forClient(UUID practiceId, UUID clientId, int limit) {
        return jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.client_id = ? AND e.deleted_at IS NULL ORDER BY e.occurred_at DESC LIMIT ?")
                .params(practiceId, clientId, limit).query(EntryRepository::map).list();
    }

    /** When a piece of practice happened, and on which client-local date (for counting it in its period). */
    record Moment(Instant occurredAt, LocalDate localDate) {
    }

    /** The moments of the entries of these assignments (deleted ones left out), by assignment. */
    Map<UUID, List<Moment>> momentsOf(UUID practiceId, List<UUID> assignments) {
        Map<UUID, List<Moment>> result = new HashMap<>();
        if (assignments.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT assignment_id, occurred_at, local_date FROM practice_entry
                WHERE practice_id = ? AND assignment_id = ANY (?) AND deleted_at IS NULL""")
                .params(practiceId, assignments.toArray(new UUID[0]))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Moment(rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate()));
                });
        return result;
    }

    /** Keeps the current version in the revisions table, then writes the change. */
    void revise(PracticeEntry current, Instant occurredAt, LocalDate localDate, Integer rating, String note, String answers,
            List<ExtractedValue> values, boolean edited, Instant now) {
        keepRevision(current, now);
        jdbc.sql("""
                UPDATE practice_entry SET occurred_at = ?, local_date = ?, rating = ?, note = ?, answers = ?::jsonb,
                    revision = revision + 1, edited = edited OR ?, updated_at = ?
                WHERE practice_id = ? AND id = ?""")
                .params(Timestamp.from(occurredAt), Date.valueOf(localDate), rating, note, answers, edited, Timestamp.from(now),
                        current.practiceId(), current.id())
                .update();
        jdbc.sql("DELETE FROM entry_value WHERE practice_id = ? AND entry_id = ?").params(current.practiceId(), current.id()).update();
        storeValues(current.practiceId(), current.id(), values);
    }

    /**
     * Takes the entry out of the counts; its versions stay for the audit. The revision moves on, so
     * removing it again after an undo keeps a copy of its own.
     */
    void delete(PracticeEntry current, Instant now) {
        keepRevision(current, now);
        jdbc.sql("UPDATE practice_entry SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), current.practiceId(), current.id()).update();
    }

    /** An entry the client removed, which may still be put back. */
    Optional<PracticeEntry> findRemoved(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql(SELECT + " WHERE e.practice_id = ? AND e.client_id = ? AND e.id = ? AND e.deleted_at IS NOT NULL")
                .params(practiceId, clientId, id).query(EntryRepository::map).optional();
    }

    /** Puts a removed entry back in the counts; the copy kept at its removal stays. */
    void restore(PracticeEntry removed, Instant now) {
        jdbc.sql("UPDATE practice_entry SET deleted_at = NULL, updated_at = ? WHERE practice_id = ? AND id = ? AND deleted_at IS NOT NULL")
                .params(Timestamp.from(now), removed.practiceId(), removed.id()).update();
    }

    /** The kept earlier versions of an entry, oldest first. */
    List<EntryRevision> revisions(UUID practiceId, UUID entryId) {
        return jdbc.sql("""
                SELECT revision, occurred_at, local_date, rating, note, answers::text, replaced_at
                FROM practice_entry_revision WHERE practice_id = ? AND entry_id = ? ORDER BY revision""")
                .params(practiceId, entryId)
                .query((rs, n) -> new EntryRevision(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate(),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Peak distress (and when) of every exposure entry of these assignments, in time order. */
    List<Object[]> valuesOf(UUID practiceId, List<UUID> assignments, String key) {
        if (assignments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.occurred_at, v.value FROM practice_entry e
                JOIN entry_value v ON v.practice_id = e.practice_id AND v.entry_id = e.id AND v.key = ?
                WHERE e.practice_id = ? AND e.assignment_id = ANY (?) AND e.deleted_at IS NULL
                ORDER BY e.occurred_at, e.id""")
                .params(key, practiceId, assignments.toArray(new UUID[0]))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)})
                .list();
    }

    private void keepRevision(PracticeEntry e, Instant now) {
        jdbc.sql("""
                INSERT INTO practice_entry_revision (practice_id, entry_id, revision, occurred_at, local_date, rating, note,
                    answers, replaced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(e.practiceId(), e.id(), e.revision(), Timestamp.from(e.occurredAt()), Date.valueOf(e.localDate()),
                        e.rating(), e.note(), e.answers(), Timestamp.from(now))
                .update();
    }

    private void storeValues(UUID practiceId, UUID entryId, List<ExtractedValue> values) {
        for (ExtractedValue v : values) {
            jdbc.sql("INSERT INTO entry_value (practice_id, entry_id, key, value, unit) VALUES (?, ?, ?, ?, ?)")
                    .params(practiceId, entryId, v.key(), v.value(), v.unit()).update();
        }
    }

    static PracticeEntry map(ResultSet rs, int n) throws SQLException {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        java.sql.Array keys = rs.getArray("value_keys");
        java.sql.Array numbers = rs.getArray("value_numbers");
        if (keys != null && numbers != null) {
            Object[] k = (Object[]) keys.getArray();
            Object[] v = (Object[]) numbers.getArray();
            for (int i = 0; i < k.length; i++) {
                values.put((String) k[i], (BigDecimal) v[i]);
            }
        }
        return new PracticeEntry(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("assignment_id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("client_entry_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getDate("local_date").toLocalDate(), rs.getString("time_zone"), (Integer) rs.getObject("rating"),
                rs.getString("note"), rs.getString("worksheet_key"), (Integer) rs.getObject("worksheet_version"),
                rs.getString("answers"), values, rs.getInt("revision"), rs.getBoolean("edited"),
                rs.getTimestamp("created_at").toInstant());
    }
}
