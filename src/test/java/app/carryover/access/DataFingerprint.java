package app.carryover.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of the data a refused call could have changed, to prove it changed nothing: every table
 * but the named ones, and of a table led by {@code practice_id} only the rows of the given practices
 * (the world's own and the foreign one). Tables without {@code practice_id} (the practice list, the
 * scheduler's) are digested whole. Scoping to the world's practices keeps each digest proportional to
 * the walk's data rather than to everything earlier test classes left in the shared database (the
 * whole-database digest made the endpoint walk several times slower as the suite grew). What it gives
 * up: a refused call writing only into some third practice's rows would not be seen here (every caller
 * of the walk belongs to one of the two practices, and the walk's other checks cover crossing them).
 */
final class DataFingerprint {

    private final JdbcClient jdbc;
    private final String query;

    DataFingerprint(JdbcClient jdbc, Set<String> untracked, UUID... practices) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .query(String.class).list();
        Set<String> scoped = Set.copyOf(jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'practice_id'""").query(String.class).list());
        // the ids are UUIDs (no quoting to get wrong), written into the statement once
        String inPractices = String.join(", ", java.util.Arrays.stream(practices).map(id -> "'" + id + "'::uuid").toList());
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            if (!untracked.contains(table)) {
                parts.add("'" + table + "=' || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                        + table + " t" + (scoped.contains(table) ? " WHERE t.practice_id IN (" + inPractices + ")" : "") + ")");
            }
        }
        // one statement per digest: the walk takes two digests per refused call, thousands in all (an array, not
        // concat_ws, whose 100-argument limit the number of tables would one day pass)
        this.query = "SELECT array_to_string(ARRAY[" + String.join(", ", parts) + "], ' ')";
    }

    /** The digest now: one {@code table=md5} per table. */
    String take() {
        return jdbc.sql(query).query(String.class).single();
    }
}
