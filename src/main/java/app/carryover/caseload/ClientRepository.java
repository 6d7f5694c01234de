package app.carryover.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one place that knows the client and care-team tables. */
@Repository
class ClientRepository {

    /** A care-team member with their name, for display. */
    record Member(UUID clinicianId, TeamRole role) {
    }

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ClientRecord c) {
        jdbc.sql("""
                INSERT INTO client (practice_id, id, account_id, display_name, time_zone, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.practiceId(), c.id(), c.accountId(), c.displayName(), c.timeZone().getId(),
                        c.status().name(), Timestamp.from(c.createdAt()))
                .update();
    }

    Optional<ClientRecord> find(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM client WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(ClientRepository::map).optional();
    }

    boolean erased(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT erased_at IS NOT NULL FROM client WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(Boolean.class).optional().orElse(false);
    }

    Map<UUID, String> names(UUID practiceId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM client WHERE practice_id = ? AND id = ANY (?)")
                    .params(practiceId, ids.toArray(UUID[]::new))
                    .query((java.sql.ResultSet rs) -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    Optional<ClientRecord> findByAccount(UUID practiceId, UUID accountId) {
        return jdbc.sql("SELECT * FROM client WHERE practice_id = ? AND account_id = ?").params(practiceId, accountId)
                .query(ClientRepository::map).optional();
    }

    List<ClientRecord> all(UUID practiceId) {
        return jdbc.sql("SELECT * FROM client WHERE practice_id = ? ORDER BY display_name").param(practiceId)
                .query(ClientRepository::map).list();
    }

    List<ClientRecord> onTeamOf(UUID practiceId, UUID clinicianId) {
        return jdbc.sql("""
                SELECT c.* FROM client c JOIN care_team_member m ON m.practice_id = c.practice_id AND m.client_id = c.id
                WHERE c.practice_id = ? AND m.clinician_id = ? ORDER BY c.display_name""")
                .params(practiceId, clinicianId).query(ClientRepository::map).list();
    }

    Optional<TeamRole> roleOf(UUID practiceId, UUID clientId, UUID clinicianId) {
        return jdbc.sql("SELECT team_role FROM care_team_member WHERE practice_id = ? AND client_id = ? AND clinician_id = ?")
                .params(practiceId, clientId, clinicianId).query(String.class).optional().map(TeamRole::valueOf);
    }

    java.util.Map<UUID, TeamRole> rolesOf(UUID practiceId, UUID clinicianId, java.util.Collection<UUID> clientIds) {
        java.util.Map<UUID, TeamRole> roles = new java.util.HashMap<>();
        jdbc.sql("SELECT client_id, team_role FROM care_team_member WHERE practice_id = ? AND clinician_id = ? "
                + "AND client_id = ANY (?)")
                .params(practiceId, clinicianId, clientIds.toArray(UUID[]::new))
                .query((rs, n) -> roles.put(rs.getObject("client_id", UUID.class), TeamRole.valueOf(rs.getString("team_role"))))
                .list();
        return roles;
    }

    List<Member> team(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT clinician_id, team_role FROM care_team_member WHERE practice_id = ? AND client_id = ? "
                + "ORDER BY team_role, added_at")
                .params(practiceId, clientId)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), TeamRole.valueOf(rs.getString(2)))).list();
    }

    void addMember(UUID practiceId, UUID clientId, UUID clinicianId, TeamRole role, java.time.Instant at) {
        jdbc.sql("""
                INSERT INTO care_team_member (practice_id, client_id, clinician_id, team_role, added_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (practice_id, client_id, clinician_id) DO UPDATE SET team_role = EXCLUDED.team_role""")
                .params(practiceId, clientId, clinicianId, role.name(), Timestamp.from(at)).update();
    }

    int removeMember(UUID practiceId, UUID clientId, UUID clinicianId) {
        return jdbc.sql("DELETE FROM care_team_member WHERE practice_id = ? AND client_id = ? AND clinician_id = ?")
                .params(practiceId, clientId, clinicianId).update();
    }

    void setStatus(UUID practiceId, UUID clientId, ClientRecord.Status status, java.time.Instant dischargedAt) {
        jdbc.sql("UPDATE client SET status = ?, discharged_at = ? WHERE practice_id = ? AND id = ?")
                .params(status.name(), dischargedAt == null ? null : Timestamp.from(dischargedAt), practiceId, clientId)
                .update();
    }

    void setTimeZone(UUID practiceId, UUID clientId, ZoneId zone) {
        jdbc.sql("UPDATE client SET time_zone = ? WHERE practice_id = ? AND id = ?").params(zone.getId(), practiceId, clientId).update();
    }

    void discharge(UUID practiceId, UUID clientId, java.time.Instant at, String note) {
        jdbc.sql("UPDATE client SET status = 'DISCHARGED', discharged_at = ?, discharge_note = ? WHERE practice_id = ? AND id = ?")
                .params(Timestamp.from(at), note, practiceId, clientId).update();
    }

    /** Clients of every practice who are not discharged, for background work (it runs with no practice set). */
    List<ClientRecord> activeEverywhere() {
        return jdbc.sql("SELECT * FROM client WHERE status = 'ACTIVE' ORDER BY practice_id, id").query(ClientRepository::map).list();
    }

    Optional<String> storedTimeZone(UUID practiceId, UUID clientId) {
        return jdbc.sql("SELECT time_zone FROM client WHERE practice_id = ? AND id = ?").params(practiceId, clientId)
                .query(String.class).optional();
    }

    /**
     * The stored zone, or UTC when this Java's time-zone data no longer knows it (a zone can be
     * withdrawn from the tz database): the record still loads, and {@link Caseload#unknownTimeZone}
     * tells the screens that must say so.
     */
    static ZoneId knownZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    static ClientRecord map(ResultSet rs, int row) throws SQLException {
        return new ClientRecord(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getString("display_name"),
                knownZone(rs.getString("time_zone")), ClientRecord.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant());
    }
}
