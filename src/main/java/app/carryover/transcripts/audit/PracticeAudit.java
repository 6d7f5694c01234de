package app.carryover.transcripts.audit;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import app.carryover.transcripts.DetectedAssignment;
import app.carryover.transcripts.HomeworkCategory;
import app.carryover.transcripts.SessionDetection;

import app.carryover.system.Csv;

/**
 * A practice's homework figures over its sessions, overall and per clinician: the share of
 * sessions that assigned homework (about 61% in recorded practice, Peretz et al. 2023), that
 * reviewed earlier homework (about half, Spinrad et al. 2024), specific against vague tasks, and
 * the categories of the tasks. The audit page is a view of {@link #of}; {@link #writeCsv} is the export.
 */
public final class PracticeAudit {

    /** The label of the row over all sessions. */
    public static final String ALL = "(all clinicians)";
    /** The label for sessions whose clinician no file or folder names. */
    public static final String UNNAMED = "(unnamed)";

    private PracticeAudit() {
    }

    /** One row of the audit. Shares are fractions of sessions, or of assignments for {@code shareSpecific}. */
    public record Figures(String clinician, int sessions, int sessionsAssigning, int sessionsReviewing, int assignments,
                          int specific, int vague, Map<HomeworkCategory, Integer> categories) {

        public Figures {
            categories = Map.copyOf(categories);
        }

        public double shareAssigning() {
            return sessions == 0 ? 0 : (double) sessionsAssigning / sessions;
        }

        public double shareReviewing() {
            return sessions == 0 ? 0 : (double) sessionsReviewing / sessions;
        }

        public double shareSpecific() {
            return assignments == 0 ? 0 : (double) specific / assignments;
        }

        public int category(HomeworkCategory c) {
            return categories.getOrDefault(c, 0);
        }
    }

    /** The row over all sessions first, then one per clinician in name order (only when any session names one). */
    public static List<Figures> of(List<SessionDetection> sessions) {
        Map<String, List<SessionDetection>> byClinician = new TreeMap<>();
        for (SessionDetection s : sessions) {
            byClinician.computeIfAbsent(s.clinician().isBlank() ? UNNAMED : s.clinician(), k -> new ArrayList<>()).add(s);
        }
        List<Figures> rows = new ArrayList<>();
        rows.add(figures(ALL, sessions));
        if (!(byClinician.size() == 1 && byClinician.containsKey(UNNAMED))) {
            byClinician.forEach((clinician, list) -> rows.add(figures(clinician, list)));
        }
        return rows;
    }

    static Figures figures(String clinician, List<SessionDetection> sessions) {
        int assigning = 0;
        int reviewing = 0;
        int assignments = 0;
        int specific = 0;
        Map<HomeworkCategory, Integer> categories = new EnumMap<>(HomeworkCategory.class);
        for (SessionDetection s : sessions) {
            assigning += s.homeworkAssigned() ? 1 : 0;
            reviewing += s.homeworkReviewed() ? 1 : 0;
            if (!s.homeworkAssigned()) {
                continue;
            }
            for (DetectedAssignment a : s.assignments()) {
                assignments++;
                specific += a.specific() ? 1 : 0;
                categories.merge(a.category(), 1, Integer::sum);
            }
        }
        return new Figures(clinician, sessions.size(), assigning, reviewing, assignments, specific, assignments - specific,
                categories);
    }

    public static final String HEADER = "clinician,sessions,sessions_assigning,share_assigning,sessions_reviewing,share_reviewing,"
            + "assignments,specific,vague,share_specific,skill_practice,action,journaling,learning";

    /** The audit as CSV (RFC 4180, through {@link Csv}), one row per line of {@link #of}, shares to three decimals. */
    public static void writeCsv(List<Figures> rows, Appendable out) throws IOException {
        Csv csv = Csv.withHeader(out, HEADER.split(","));
        for (Figures f : rows) {
            List<Object> cells = new ArrayList<>(List.of(f.clinician(), f.sessions(), f.sessionsAssigning(),
                    share(f.shareAssigning()), f.sessionsReviewing(), share(f.shareReviewing()), f.assignments(),
                    f.specific(), f.vague(), share(f.shareSpecific())));
            for (HomeworkCategory c : HomeworkCategory.values()) {
                cells.add(f.category(c));
            }
            csv.row(cells.toArray());
        }
    }

    private static BigDecimal share(double d) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3f", d));
    }
}
