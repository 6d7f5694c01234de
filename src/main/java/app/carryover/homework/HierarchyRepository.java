package app.carryover.homework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the exposure hierarchy tables. */
@Repository
class HierarchyRepository {

    private final JdbcClient jdbc;

    HierarchyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID practiceId, UUID id, UUID clientId, String title, UUID by, Instant at) {
        jdbc.sql("INSERT INTO exposure_hierarchy (practice_id, id, client_id, title, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(practiceId, id, clientId, title, Timestamp.from(at), by).update();
    }

    void insertStep(UUID practiceId, ExposureStep step, Instant at) {
        jdbc.sql("""
                INSERT INTO exposure_step (practice_id, id, hierarchy_id, position, situation, anticipated_distress, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(practiceId, step.id(), step.hierarchyId(), step.position(), step.situation(),
                        step.anticipatedDistress(), Timestamp.from(at))
                .update();
    }

    List<ExposureHierarchy> forClient(UUID practiceId, UUID clientId) {
        List<ExposureHierarchy> result = new ArrayList<>();
        jdbc.sql("SELECT id, title FROM exposure_hierarchy WHERE practice_id = ? AND client_id = ? ORDER BY created_at")
                .params(practiceId, clientId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list()
                .forEach(r -> result.add(new ExposureHierarchy((UUID) r[0], clientId, (String) r[1], steps(practiceId, (UUID) r[0]))));
        return result;
    }

    Optional<ExposureHierarchy> find(UUID practiceId, UUID clientId, UUID id) {
        return forClient(practiceId, clientId).stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The hierarchy holding a step, if the step belongs to this client. */
    Optional<ExposureHierarchy> ofStep(UUID practiceId, UUID clientId, UUID stepId) {
        return forClient(practiceId, clientId).stream().filter(h -> h.step(stepId).isPresent()).findFirst();
    }

    private List<ExposureStep> steps(UUID practiceId, UUID hierarchyId) {
        return jdbc.sql("""
                SELECT id, hierarchy_id, position, situation, anticipated_distress FROM exposure_step
                WHERE practice_id = ? AND hierarchy_id = ? ORDER BY position""")
                .params(practiceId, hierarchyId)
                .query((rs, n) -> new ExposureStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }
}
