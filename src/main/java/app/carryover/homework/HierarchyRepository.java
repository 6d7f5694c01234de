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

    void updateStep(UUID practiceId, ExposureStep step) {
        jdbc.sql("UPDATE exposure_step SET position = ?, situation = ?, anticipated_distress = ? WHERE practice_id = ? AND id = ?")
                .params(step.position(), step.situation(), step.anticipatedDistress(), practiceId, step.id()).update();
    }

    /** Takes a step out of its hierarchy; it stays for the assignments and trials that name it. */
    void removeStep(UUID practiceId, UUID stepId, Instant at) {
        jdbc.sql("UPDATE exposure_step SET removed_at = ? WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(at), practiceId, stepId).update();
    }

    /** Renames the hierarchy and moves it on from revision {@code expected}; false when someone else changed it first. */
    boolean advance(UUID practiceId, UUID id, String title, int expected) {
        return jdbc.sql("UPDATE exposure_hierarchy SET title = ?, revision = revision + 1 WHERE practice_id = ? AND id = ? AND revision = ?")
                .params(title, practiceId, id, expected).update() == 1;
    }

    void insertRevision(UUID practiceId, UUID id, int revision, List<String> changes, Instant at, UUID by) {
        jdbc.sql("""
                INSERT INTO exposure_hierarchy_revision (practice_id, hierarchy_id, revision, changes, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(practiceId, id, revision, changes.toArray(new String[0]), Timestamp.from(at), by).update();
    }

    List<HierarchyRevision> revisions(UUID practiceId, UUID id) {
        return jdbc.sql("""
                SELECT revision, changed_at, changed_by, changes FROM exposure_hierarchy_revision
                WHERE practice_id = ? AND hierarchy_id = ? ORDER BY revision DESC""")
                .params(practiceId, id)
                .query((rs, n) -> new HierarchyRevision(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class), List.of((String[]) rs.getArray(4).getArray())))
                .list();
    }

    List<ExposureHierarchy> forClient(UUID practiceId, UUID clientId) {
        List<ExposureHierarchy> result = new ArrayList<>();
        jdbc.sql("SELECT id, title, revision FROM exposure_hierarchy WHERE practice_id = ? AND client_id = ? ORDER BY created_at")
                .params(practiceId, clientId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)}).list()
                .forEach(r -> result.add(new ExposureHierarchy((UUID) r[0], clientId, (String) r[1],
                        steps(practiceId, (UUID) r[0]), (Integer) r[2])));
        return result;
    }

    Optional<ExposureHierarchy> find(UUID practiceId, UUID clientId, UUID id) {
        return forClient(practiceId, clientId).stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The hierarchy holding a step, if the step belongs to this client and has not been removed. */
    Optional<ExposureHierarchy> ofStep(UUID practiceId, UUID clientId, UUID stepId) {
        return forClient(practiceId, clientId).stream().filter(h -> h.step(stepId).isPresent()).findFirst();
    }

    /** A step's situation, removed or not, for naming it in history. */
    Optional<String> situation(UUID practiceId, UUID stepId) {
        return jdbc.sql("SELECT situation FROM exposure_step WHERE practice_id = ? AND id = ?")
                .params(practiceId, stepId).query(String.class).optional();
    }

    private List<ExposureStep> steps(UUID practiceId, UUID hierarchyId) {
        return jdbc.sql("""
                SELECT id, hierarchy_id, position, situation, anticipated_distress FROM exposure_step
                WHERE practice_id = ? AND hierarchy_id = ? AND removed_at IS NULL ORDER BY position""")
                .params(practiceId, hierarchyId)
                .query((rs, n) -> new ExposureStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }
}
