package app.carryover.caseload;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's data as a download. A client downloads what Carryover holds about them that they may
 * see (their assignments, entries and worksheet answers, reflections, goals, sessions' times,
 * consent history, erasure requests): the tables and columns listed in {@link #CLIENT_VISIBLE},
 * so a column added later is left out of the client's copy until it is listed here. A clinician on
 * the care team produces the full record for a formal request: every row the schema ties to the
 * client ({@link ClientRecordGraph}), every column but secrets. Both are audited as exports, and
 * the access check comes first.
 */
@Service
public class ClientDataExport {

    /** One table's rows. */
    public record Section(String table, String title, List<Map<String, Object>> rows) {
    }

    /** What was exported, for whom, when. */
    public record Export(ClientRecord client, String practiceName, Instant madeAt, boolean full, Map<String, Object> profile,
            List<Section> sections) {

        public int rowCount() {
            return sections.stream().mapToInt(s -> s.rows().size()).sum();
        }
    }

    /** What a client sees of each table in their own copy. */
    static final Map<String, Set<String>> CLIENT_VISIBLE = Map.ofEntries(
            Map.entry("consent_decision", Set.of("kind", "version", "given", "decided_at")),
            Map.entry("goal", Set.of("id", "statement", "why_it_matters", "target_kind", "measure", "comparator",
                    "target_value", "metric", "baseline", "target_date", "status", "created_at", "updated_at")),
            Map.entry("therapy_session", Set.of("id", "starts_at", "duration_minutes", "status")),
            Map.entry("exposure_hierarchy", Set.of("id", "title", "created_at")),
            Map.entry("exposure_step", Set.of("id", "hierarchy_id", "position", "situation", "anticipated_distress")),
            Map.entry("assignment", Set.of("id", "title", "instructions", "rationale", "worksheet_key", "dose_kind",
                    "dose_count", "dose_weekdays", "dose_times", "dose_trigger", "start_date", "due_date", "status",
                    "created_at")),
            Map.entry("practice_entry", Set.of("id", "assignment_id", "occurred_at", "local_date", "time_zone", "rating",
                    "note", "worksheet_key", "answers", "edited", "created_at", "updated_at", "deleted_at")),
            Map.entry("practice_entry_revision", Set.of("entry_id", "revision", "occurred_at", "local_date", "rating",
                    "note", "answers", "replaced_at")),
            Map.entry("entry_value", Set.of("entry_id", "key", "value", "unit")),
            Map.entry("entry_draft", Set.of("assignment_id", "updated_at")),
            Map.entry("homework_reflection", Set.of("assignment_id", "learned", "got_in_way", "obstacles",
                    "self_rating", "submitted_at")),
            Map.entry("session_series", Set.of("id", "every_weeks", "local_time", "duration_minutes", "time_zone",
                    "first_date", "last_date")),
            // Questionnaires: what the client answered and the score and band they were shown; not the risk flag,
            // who entered it or the session it was discussed in (the clinician's side).
            Map.entry("measure_schedule", Set.of("id", "instrument", "kind", "interval_weeks", "starts_on", "ends_on",
                    "stopped_at")),
            Map.entry("measure_administration", Set.of("id", "instrument", "mode", "assignment_id", "answers", "total",
                    "prorated", "missing", "band", "answered_at", "local_date")),
            // The client's questions and requests about their homework, and the replies they were sent.
            Map.entry("assignment_response", Set.of("id", "assignment_id", "kind", "body", "created_at", "reply",
                    "replied_at")),
            Map.entry("homework_request", Set.of("id", "topic", "created_at", "reply", "replied_at")),
            Map.entry("erasure_request", Set.of("requested_at", "client_reason", "status", "decided_at",
                    "decision_reason", "erase_after", "done_at")));

    /**
     * Rows of a listed table the client never sees: the clinician's own ratings of their homework
     * (the measures module's instrument key; {@code Measures.forClient} drops the same rows on the
     * client's pages).
     */
    static final Map<String, String> CLIENT_ROWS = Map.of("measure_administration", "instrument <> 'HOMEWORK_CLINICIAN'");

    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("consent_decision", "Consent history"),
            Map.entry("goal", "Goals"),
            Map.entry("goal_change", "Goal changes"),
            Map.entry("therapy_session", "Sessions"),
            Map.entry("session_participant", "Session participants"),
            Map.entry("exposure_hierarchy", "Exposure hierarchies"),
            Map.entry("exposure_step", "Exposure steps"),
            Map.entry("assignment", "Assignments"),
            Map.entry("assignment_goal", "Assignments' goals"),
            Map.entry("assignment_pause", "Assignment pauses"),
            Map.entry("practice_entry", "Practice entries"),
            Map.entry("practice_entry_revision", "Earlier versions of entries"),
            Map.entry("entry_value", "Values from entries"),
            Map.entry("entry_draft", "Unsent drafts"),
            Map.entry("homework_reflection", "Reflections"),
            Map.entry("homework_review", "Homework reviews"),
            Map.entry("care_team_member", "Care team"),
            Map.entry("transcript", "Session transcripts"),
            Map.entry("session_series", "Recurring sessions"),
            Map.entry("measure_schedule", "Questionnaire schedules"),
            Map.entry("measure_administration", "Questionnaires answered"),
            Map.entry("risk_alert", "Risk alerts"),
            Map.entry("assignment_response", "Questions and answers about homework"),
            Map.entry("homework_request", "Requests for homework"),
            Map.entry("erasure_request", "Erasure requests"));

    /** Never exported, whoever asks. */
    private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|hash|totp).*");

    private final ClientAccess access;
    private final ClientRecordGraph graph;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Practices practices;
    private final JsonMapper json;
    private final Clock clock;

    ClientDataExport(ClientAccess access, ClientRecordGraph graph, JdbcClient jdbc, AuditTrail audit, Practices practices,
            JsonMapper json, Clock clock) {
        this.access = access;
        this.graph = graph;
        this.jdbc = jdbc;
        this.audit = audit;
        this.practices = practices;
        this.json = json;
        this.clock = clock;
    }

    /** The signed-in client's own data, as they may see it. */
    @Transactional(readOnly = true)
    public Export own(Actor actor, String format) {
        if (!actor.isClient()) {
            throw ProblemException.forbidden("Only a client downloads their own data here.");
        }
        ClientRecord client = access.read(actor, actor.clientId(), "data export");
        audit.recordNow(AuditEntry.by(actor, client.id(), AuditAction.EXPORT, "client's own data", client.id(),
                "downloaded by the client as " + format));
        return collect(actor, client, false);
    }

    /** The full record (clinician-only material included), for a formal request; the care team only. */
    @Transactional(readOnly = true)
    public Export fullRecord(Actor actor, UUID clientId, String format) {
        ClientRecord client = access.readClinical(actor, clientId, "full record export");
        audit.recordNow(AuditEntry.by(actor, client.id(), AuditAction.EXPORT, "full client record", client.id(),
                "produced by the care team as " + format));
        return collect(actor, client, true);
    }

    Export collect(Actor actor, ClientRecord client, boolean full) {
        Map<String, Object> profile = new LinkedHashMap<>();
        jdbc.sql("SELECT c.display_name, c.time_zone, c.status, c.created_at, c.discharged_at, a.email, a.created_at AS "
                + "account_created_at, a.last_sign_in_at FROM client c JOIN account a ON a.practice_id = c.practice_id "
                + "AND a.id = c.account_id WHERE c.practice_id = ? AND c.id = ?")
                .params(client.practiceId(), client.id()).query(rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        profile.put(meta.getColumnLabel(i), value(rs, i));
                    }
                });
        List<Section> sections = new ArrayList<>();
        Map<String, List<ClientRecordGraph.Selection>> selected = graph.select(client.practiceId(), client.id(),
                client.accountId(), true);
        selected.put("erasure_request", List.of(new ClientRecordGraph.Selection("erasure_request",
                "practice_id = ? AND client_id = ?", List.of(client.practiceId(), client.id()))));
        for (Map.Entry<String, List<ClientRecordGraph.Selection>> table : selected.entrySet()) {
            Set<String> visible = full ? null : CLIENT_VISIBLE.get(table.getKey());
            if (!full && visible == null) {
                continue;
            }
            ClientRecordGraph.Selection union = ClientRecordGraph.union(table.getKey(), table.getValue());
            List<Map<String, Object>> rows = new ArrayList<>();
            String rowsSeen = full ? null : CLIENT_ROWS.get(table.getKey());
            String where = rowsSeen == null ? union.condition() : "(" + union.condition() + ") AND " + rowsSeen;
            jdbc.sql("SELECT * FROM " + table.getKey() + " WHERE " + where).params(union.params()).query(rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    if (column.equals("practice_id") || SECRET.matcher(column).matches()
                            || (visible != null && !visible.contains(column))) {
                        continue;
                    }
                    Object value = value(rs, i);
                    if (!(value instanceof byte[])) {
                        row.put(column, value);
                    }
                }
                rows.add(row);
            });
            if (!rows.isEmpty()) {
                sections.add(new Section(table.getKey(), title(table.getKey()), rows));
            }
        }
        return new Export(client, practices.of(actor).name(), clock.instant(), full, profile, sections);
    }

    /** The export as JSON: who, when, and each table's rows. */
    public byte[] json(Export export) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", export.full() ? "carryover full client record" : "carryover client data export");
        out.put("practice", export.practiceName());
        out.put("madeAt", export.madeAt().toString());
        out.put("client", export.profile());
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Section s : export.sections()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : s.rows()) {
                Map<String, Object> plain = new LinkedHashMap<>();
                row.forEach((k, v) -> plain.put(k, v instanceof JsonText text ? json.readTree(text.json()) : plainValue(v)));
                rows.add(plain);
            }
            tables.put(s.table(), rows);
        }
        out.put("tables", tables);
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    }

    /** The export as a readable PDF. */
    public byte[] pdf(Export export) {
        return ClientDataPdf.render(export);
    }

    private static Object plainValue(Object v) {
        return v instanceof Instant || v instanceof java.time.LocalDate || v instanceof UUID ? v.toString() : v;
    }

    static String title(String table) {
        String known = TITLES.get(table);
        if (known != null) {
            return known;
        }
        String words = table.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** jsonb content, kept as text until written. */
    record JsonText(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof PGobject o) {
            return "jsonb".equals(o.getType()) || "json".equals(o.getType()) ? new JsonText(o.getValue()) : o.getValue();
        }
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            return Arrays.asList(items);
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return v;
    }
}
