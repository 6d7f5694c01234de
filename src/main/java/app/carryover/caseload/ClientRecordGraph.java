package app.carryover.caseload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything the database holds about one client, found through the schema itself: every row of a
 * table with a {@code client_id} column naming the client, the therapy sessions the client took part
 * in, the client's account's own rows, and, transitively, every row that refers to any of those by
 * a foreign key. So a table another module adds later is in a client's full export and in an
 * erasure without anyone listing it (a deliberate choice, documented in docs/reliability.md).
 *
 * <p>Left out: the client row and the account row themselves (de-identified, not deleted, so the
 * audit keeps a subject), the audit, the erasure requests (the record that erasure was asked for
 * and done), the retention tables, and framework tables.
 */
@Component
class ClientRecordGraph {

    /** Tables never walked into: kept by design, or not a client's data. */
    static final Set<String> KEPT = Set.of("client", "account", "practice", "audit_event", "audit_chain",
            "erasure_request", "retention_policy", "retention_run", "flyway_schema_history", "scheduled_tasks",
            "event_publication", "spring_session", "spring_session_attributes", "worksheet", "worksheet_version",
            "consent_document");

    /** One foreign key: {@code child(childColumns)} refers to {@code parent(parentColumns)}. */
    record Link(String child, List<String> childColumns, String parent, List<String> parentColumns) {
    }

    /** The rows of one table that belong to the client: {@code SELECT … FROM table WHERE condition}. */
    record Selection(String table, String condition, List<Object> params) {
    }

    private final JdbcClient jdbc;

    ClientRecordGraph(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Link> links() {
        return jdbc.sql("""
                SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
                       array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), ',') AS child_columns,
                       array_to_string(array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                           JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i), ',') AS parent_columns
                FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
                WHERE c.contype = 'f' AND ns.nspname = 'public'
                ORDER BY 1, 2, 3
                """).query((rs, n) -> new Link(bare(rs.getString("child")), List.of(rs.getString("child_columns").split(",")),
                        bare(rs.getString("parent")), List.of(rs.getString("parent_columns").split(",")))).list();
    }

    private List<String> tablesWithClientId() {
        return jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.column_name = 'client_id' AND t.table_type = 'BASE TABLE'
                  AND EXISTS (SELECT 1 FROM information_schema.columns p WHERE p.table_schema = 'public'
                              AND p.table_name = c.table_name AND p.column_name = 'practice_id')
                ORDER BY 1
                """).query(String.class).list();
    }

    /**
     * The client's rows, table by table, in an order where every table comes after the tables it
     * refers to (parents first; reverse it to delete). {@code sharedSessionsToo}: include sessions
     * other clients also took part in (an export does; an erasure deletes only the client's own).
     */
    Map<String, List<Selection>> select(UUID practiceId, UUID clientId, UUID accountId, boolean sharedSessionsToo) {
        List<Link> links = links();
        Map<String, List<Selection>> selected = new LinkedHashMap<>();
        List<Selection> roots = new ArrayList<>();
        for (String table : tablesWithClientId()) {
            if (!KEPT.contains(table)) {
                roots.add(new Selection(table, "practice_id = ? AND client_id = ?", List.of(practiceId, clientId)));
            }
        }
        if (links.stream().anyMatch(l -> l.child().equals("session_participant") && l.parent().equals("therapy_session"))) {
            // Named by id, found before anything is deleted (an erasure deletes the participants first).
            String own = sharedSessionsToo ? "" : " AND NOT EXISTS (SELECT 1 FROM session_participant o WHERE "
                    + "o.practice_id = p.practice_id AND o.session_id = p.session_id AND o.client_id <> p.client_id)";
            List<UUID> sessions = jdbc.sql("SELECT p.session_id FROM session_participant p WHERE p.practice_id = ? "
                    + "AND p.client_id = ?" + own + " ORDER BY 1").params(practiceId, clientId).query(UUID.class).list();
            if (!sessions.isEmpty()) {
                List<Object> params = new ArrayList<>();
                params.add(practiceId);
                params.addAll(sessions);
                roots.add(new Selection("therapy_session", "practice_id = ? AND id IN ("
                        + String.join(", ", Collections.nCopies(sessions.size(), "?")) + ")", params));
            }
        }
        for (Selection root : roots) {
            add(selected, root, links, 0);
        }
        // The account's own rows (sign-in links, invitations, tokens, …), not the rows of others it made.
        Selection account = new Selection("account", "practice_id = ? AND id = ?", List.of(practiceId, accountId));
        for (Link link : links) {
            if (link.parent().equals("account") && !KEPT.contains(link.child()) && !link.childColumns().contains("client_id")) {
                add(selected, child(account, link), links, 1);
            }
        }
        return ordered(selected, links);
    }

    private void add(Map<String, List<Selection>> selected, Selection selection, List<Link> links, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("The foreign keys below " + selection.table() + " go deeper than expected");
        }
        selected.computeIfAbsent(selection.table(), t -> new ArrayList<>()).add(selection);
        for (Link link : links) {
            if (link.parent().equals(selection.table()) && !KEPT.contains(link.child()) && !link.child().equals(link.parent())) {
                add(selected, child(selection, link), links, depth + 1);
            }
        }
    }

    private static Selection child(Selection parent, Link link) {
        String condition = "(" + String.join(", ", link.childColumns()) + ") IN (SELECT " + String.join(", ",
                link.parentColumns()) + " FROM " + parent.table() + " WHERE " + parent.condition() + ")";
        return new Selection(link.child(), condition, parent.params());
    }

    /** Parents before children (Kahn's order over the links between the selected tables). */
    private static Map<String, List<Selection>> ordered(Map<String, List<Selection>> selected, List<Link> links) {
        Map<String, List<Selection>> out = new LinkedHashMap<>();
        Set<String> left = new LinkedHashSet<>(selected.keySet());
        while (!left.isEmpty()) {
            String next = left.stream().filter(t -> links.stream().noneMatch(l -> l.child().equals(t)
                    && !l.parent().equals(t) && left.contains(l.parent()))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The foreign keys between " + left + " form a cycle"));
            out.put(next, selected.get(next));
            left.remove(next);
        }
        return out;
    }

    /** The rows of a table's selections, as one condition (OR) with its parameters. */
    static Selection union(String table, List<Selection> selections) {
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (Selection s : selections) {
            conditions.add("(" + s.condition() + ")");
            params.addAll(s.params());
        }
        return new Selection(table, String.join(" OR ", conditions), params);
    }

    private static String bare(String regclass) {
        String name = regclass.startsWith("public.") ? regclass.substring(7) : regclass;
        return name.replace("\"", "");
    }
}
