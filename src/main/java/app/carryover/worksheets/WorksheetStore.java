package app.carryover.worksheets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place that knows the worksheet tables. Built-ins live under {@link #BUILT_IN}, the nil
 * practice id; custom worksheets under their practice, with keys starting {@value #CUSTOM_PREFIX}.
 */
@Repository
class WorksheetStore {

    /** The practice id under which the built-in library is stored. */
    static final UUID BUILT_IN = new UUID(0, 0);
    /** Every custom worksheet's key starts with this; no built-in's does. */
    static final String CUSTOM_PREFIX = "custom-";

    /** A worksheet (all its versions) with the number of its latest version. */
    record Row(UUID practiceId, String key, boolean builtIn, UUID ownerId, String ownerName, boolean shared,
            String copiedFromKey, Integer copiedFromVersion, Instant createdAt, int latestVersion) {
    }

    /** One stored version: who made it and when, and the definition as stored. */
    record VersionRow(UUID id, String key, int version, String title, UUID createdBy, String createdByName,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    WorksheetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a key is stored for a practice: its own practice for custom keys, else the built-in library. */
    static UUID home(UUID practiceId, String key) {
        return key.startsWith(CUSTOM_PREFIX) ? practiceId : BUILT_IN;
    }

    Optional<String> definitionJson(UUID practiceId, String key, int version) {
        return jdbc.sql("SELECT definition::text FROM worksheet_version WHERE practice_id = ? AND key = ? AND version = ?")
                .params(home(practiceId, key), key, version).query(String.class).optional();
    }

    Optional<Row> worksheet(UUID practiceId, String key) {
        return jdbc.sql(SELECT_ROWS + " WHERE w.practice_id = ? AND w.key = ?")
                .params(home(practiceId, key), key).query(WorksheetStore::row).optional();
    }

    /** The built-ins, and the practice's custom worksheets, in library order then by title. */
    List<Row> worksheets(UUID practiceId) {
        return jdbc.sql(SELECT_ROWS + " WHERE w.practice_id IN (?, ?) ORDER BY w.built_in DESC, w.created_at, w.key")
                .params(BUILT_IN, practiceId).query(WorksheetStore::row).list();
    }

    List<VersionRow> versions(UUID practiceId, String key) {
        return jdbc.sql("""
                SELECT id, key, version, title, created_by, created_by_name, created_at FROM worksheet_version
                WHERE practice_id = ? AND key = ? ORDER BY version DESC""")
                .params(home(practiceId, key), key)
                .query((rs, n) -> new VersionRow(rs.getObject("id", UUID.class), rs.getString("key"),
                        rs.getInt("version"), rs.getString("title"), rs.getObject("created_by", UUID.class),
                        rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Keys of the practice that start with a prefix, to make a new key unique. */
    List<String> keysStartingWith(UUID practiceId, String prefix) {
        return jdbc.sql("SELECT key FROM worksheet WHERE practice_id = ? AND key LIKE ?")
                .params(practiceId, prefix.replace("_", "\\_").replace("%", "\\%") + "%").query(String.class).list();
    }

    /** Locks a worksheet for adding a version and answers its latest version number. */
    int lockLatestVersion(UUID practiceId, String key) {
        jdbc.sql("SELECT key FROM worksheet WHERE practice_id = ? AND key = ? FOR UPDATE")
                .params(home(practiceId, key), key).query(String.class).single();
        return jdbc.sql("SELECT max(version) FROM worksheet_version WHERE practice_id = ? AND key = ?")
                .params(home(practiceId, key), key).query(Integer.class).single();
    }

    /** Inserts a worksheet unless one with its key exists; answers whether it inserted. */
    boolean insertWorksheet(UUID practiceId, String key, UUID ownerId, String ownerName, String copiedFromKey,
            Integer copiedFromVersion, Instant at) {
        return jdbc.sql("""
                INSERT INTO worksheet (practice_id, key, built_in, owner_id, owner_name, shared, copied_from_key,
                                       copied_from_version, created_at)
                VALUES (?, ?, ?, ?, ?, false, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(practiceId, key, BUILT_IN.equals(practiceId), ownerId, ownerName, copiedFromKey,
                        copiedFromVersion, Timestamp.from(at))
                .update() == 1;
    }

    /** Inserts a version unless (key, version) is stored already; answers whether it inserted. */
    boolean insertVersion(UUID practiceId, UUID id, WorksheetDefinition definition, UUID createdBy,
            String createdByName, Instant at) {
        return jdbc.sql("""
                INSERT INTO worksheet_version (practice_id, id, key, version, title, definition, created_by,
                                               created_by_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(practiceId, id, definition.key(), definition.version(), definition.title(),
                        WorksheetDefinitions.toJson(definition), createdBy, createdByName, Timestamp.from(at))
                .update() == 1;
    }

    void setShared(UUID practiceId, String key, boolean shared) {
        jdbc.sql("UPDATE worksheet SET shared = ? WHERE practice_id = ? AND key = ?")
                .params(shared, practiceId, key).update();
    }

    private static final String SELECT_ROWS = """
            SELECT w.*, (SELECT max(v.version) FROM worksheet_version v
                         WHERE v.practice_id = w.practice_id AND v.key = w.key) AS latest_version
            FROM worksheet w""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        int copiedVersion = rs.getInt("copied_from_version");
        Integer copiedFromVersion = rs.wasNull() ? null : copiedVersion;
        return new Row(rs.getObject("practice_id", UUID.class), rs.getString("key"), rs.getBoolean("built_in"),
                rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getBoolean("shared"),
                rs.getString("copied_from_key"), copiedFromVersion,
                rs.getTimestamp("created_at").toInstant(), rs.getInt("latest_version"));
    }
}
