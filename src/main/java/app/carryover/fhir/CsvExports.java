package app.carryover.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.homework.Adherence;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.PracticeEntry;
import app.carryover.measures.Instrument;
import app.carryover.measures.MeasureAdministration;
import app.carryover.system.Actor;
import app.carryover.system.Csv;

/**
 * The CSV exports a practice expects of one client's record: entries, adherence per homework period,
 * and measures. Columns are listed in {@code docs/csv-exports.md}; the files are written by
 * {@link Csv} (Apache Commons CSV, RFC 4180), which neutralises spreadsheet formulas in every text
 * cell and leaves numbers as they are. Read under the same access rule as the FHIR export (the care
 * team, through {@link RecordReader}), and each export is audited.
 */
@Service
public class CsvExports {

    /** The exports, by the name used in their URL and file name. */
    public enum Kind { ENTRIES, ADHERENCE, MEASURES }

    static final List<String> ENTRY_COLUMNS = List.of("client_id", "entry_id", "assignment_id", "assignment_title",
            "occurred_at", "local_date", "time_zone", "kind", "worksheet_key", "worksheet_version", "rating", "note",
            "values", "answers", "revision", "edited", "recorded_at");
    static final List<String> ADHERENCE_COLUMNS = List.of("client_id", "assignment_id", "assignment_title", "status",
            "dose", "period_first_day", "due_at", "period_over", "expected", "done", "logged", "done_percent",
            "clinician_quality", "client_quality");
    static final List<String> MEASURE_COLUMNS = List.of("client_id", "administration_id", "instrument", "instrument_name",
            "answered_at", "local_date", "mode", "total", "band", "prorated", "missing", "risk", "session_id",
            "assignment_id", "answers");

    private final RecordReader reader;
    private final AuditTrail audit;

    CsvExports(RecordReader reader, AuditTrail audit) {
        this.reader = reader;
        this.audit = audit;
    }

    public String export(Actor actor, UUID clientId, Kind kind) {
        HomeworkRecord record = reader.read(actor, clientId);
        StringBuilder out = new StringBuilder();
        try {
            switch (kind) {
                case ENTRIES -> entries(record, out);
                case ADHERENCE -> adherence(record, out);
                case MEASURES -> measures(record, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        audit.recordNow(AuditEntry.by(actor, clientId, AuditAction.EXPORT, "CSV " + kind.name().toLowerCase(Locale.ROOT), null,
                null));
        return out.toString();
    }

    static void entries(HomeworkRecord record, Appendable out) throws IOException {
        Csv csv = Csv.withHeader(out, ENTRY_COLUMNS.toArray(String[]::new));
        for (AssignmentProgress p : record.assignments()) {
            for (PracticeEntry e : record.entries().getOrDefault(p.assignment().id(), List.of())) {
                csv.row(e.clientId(), e.id(), e.assignmentId(), p.assignment().title(), e.occurredAt(), e.localDate(),
                        e.timeZone(), e.worksheetKey() == null ? "quick_log" : "worksheet", e.worksheetKey(),
                        e.worksheetVersion(), e.rating(), e.note(), values(e.values()), e.answers(), e.revision(), e.edited(),
                        e.createdAt());
            }
        }
    }

    private static String values(Map<String, BigDecimal> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> parts.add(k + "=" + v.stripTrailingZeros().toPlainString()));
        return String.join("; ", parts);
    }

    static void adherence(HomeworkRecord record, Appendable out) throws IOException {
        Csv csv = Csv.withHeader(out, ADHERENCE_COLUMNS.toArray(String[]::new));
        for (AssignmentProgress p : record.assignments()) {
            boolean over = p.period().over(record.readAt());
            Adherence a = over && p.whole() != null ? p.whole() : p.soFar();
            csv.row(record.client().id(), p.assignment().id(), p.assignment().title(), p.assignment().status().label(),
                    p.assignment().dose().describe(), p.period().firstDay(), p.period().dueAt(), over,
                    a == null ? null : round(a.expected()), a == null ? null : round(a.done()), a == null ? null : a.logged(),
                    a == null || a.quantity() == null ? null : round(Math.min(1, a.quantity()) * 100),
                    a == null ? null : a.clinicianRating(), a == null ? null : a.clientRating());
        }
    }

    private static BigDecimal round(double v) {
        BigDecimal r = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r; // 100, not 1E+2
    }

    static void measures(HomeworkRecord record, Appendable out) throws IOException {
        Csv csv = Csv.withHeader(out, MEASURE_COLUMNS.toArray(String[]::new));
        for (MeasureAdministration a : record.measures()) {
            Instrument i = record.instruments().get(a.instrument());
            csv.row(a.clientId(), a.id(), a.instrument(), i == null ? null : i.name(), a.answeredAt(), a.localDate(),
                    a.mode().name().toLowerCase(Locale.ROOT), a.total(), a.band(), a.prorated(), a.missing(), a.risk(),
                    a.sessionId(), a.assignmentId(),
                    String.join(" ", a.answers().stream().map(x -> x == null ? "." : x.toString()).toList()));
        }
    }
}
