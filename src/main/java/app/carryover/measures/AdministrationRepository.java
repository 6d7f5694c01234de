package app.carryover.measures;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the measure_administration table. */
@Repository
class AdministrationRepository {

    private static final String COLUMNS = """
            practice_id, id, client_id, instrument, submission_id, answered_by, mode, session_id, assignment_id, answers,
            total, prorated, missing, band, risk, answered_at, local_date""";

    private final JdbcClient jdbc;

    AdministrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores it unless the same submission is already stored; false when it was (a retry). */
    boolean insertOnce(MeasureAdministration a) {
        return jdbc.sql("INSERT INTO measure_administration (" + COLUMNS + """
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, client_id, submission_id) DO NOTHING""")
                .params(a.practiceId(), a.id(), a.clientId(), a.instrument(), a.submissionId(), a.answeredBy(),
                        a.mode().name(), a.sessionId(), a.assignmentId(), a.answers().toArray(new Integer[0]), a.total(),
                        a.prorated(), a.missing(), a.band(), a.risk(), Timestamp.from(a.answeredAt()), a.localDate())
                .update() == 1;
    }

    Optional<MeasureAdministration> bySubmission(UUID practiceId, UUID clientId, UUID submissionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM measure_administration WHERE practice_id = ? AND client_id = ? AND submission_id = ?")
                .params(practiceId, clientId, submissionId).query(AdministrationRepository::map).optional();
    }

    Optional<MeasureAdministration> find(UUID practiceId, UUID clientId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM measure_administration WHERE practice_id = ? AND client_id = ? AND id = ?")
                .params(practiceId, clientId, id).query(AdministrationRepository::map).optional();
    }

    /** A client's administrations in time order. */
    List<MeasureAdministration> forClient(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM measure_administration WHERE practice_id = ? AND client_id = ? "
                + "ORDER BY answered_at, id")
                .params(practiceId, clientId).query(AdministrationRepository::map).list();
    }

    /** The administrations of these clients answered at or after {@code since}, in time order. */
    List<MeasureAdministration> forClients(UUID practiceId, Collection<UUID> clientIds, Instant since) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM measure_administration WHERE practice_id = ? AND client_id = ANY (?) "
                + "AND answered_at >= ? ORDER BY answered_at, id")
                .params(practiceId, clientIds.toArray(new UUID[0]), Timestamp.from(since))
                .query(AdministrationRepository::map).list();
    }

    /** Whether the client answered the instrument at or after {@code since}. */
    boolean answeredSince(UUID practiceId, UUID clientId, String instrument, Instant since) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM measure_administration
                               WHERE practice_id = ? AND client_id = ? AND instrument = ? AND answered_at >= ?)""")
                .params(practiceId, clientId, instrument, Timestamp.from(since)).query(Boolean.class).single();
    }

    static MeasureAdministration map(ResultSet rs, int row) throws SQLException {
        Array answers = rs.getArray("answers");
        List<Integer> values = Arrays.asList((Integer[]) answers.getArray());
        return new MeasureAdministration(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("instrument"), rs.getObject("submission_id", UUID.class),
                rs.getObject("answered_by", UUID.class), MeasureAdministration.Mode.valueOf(rs.getString("mode")),
                rs.getObject("session_id", UUID.class), rs.getObject("assignment_id", UUID.class),
                Collections.unmodifiableList(values), (Integer) rs.getObject("total"), rs.getBoolean("prorated"),
                rs.getInt("missing"), rs.getString("band"), rs.getBoolean("risk"),
                rs.getTimestamp("answered_at").toInstant(), rs.getDate("local_date").toLocalDate());
    }
}
