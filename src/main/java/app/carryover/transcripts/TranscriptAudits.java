package app.carryover.transcripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.transcripts.audit.PracticeAudit;

/**
 * The practice audit over uploaded transcripts: the share of sessions that assigned homework, that
 * reviewed earlier homework, specific against vague tasks, and categories, per clinician. Admins see
 * the whole practice and clinicians their own sessions; either way only figures, never content. A
 * session counts once, by its latest transcript.
 */
@Service
class TranscriptAudits {

    /** Session dates, both included; either end is open when null. */
    record Dates(LocalDate from, LocalDate to) {

        static final Dates ALL = new Dates(null, null);

        /** The dates as typed (YYYY-MM-DD, blank for an open end); a bad date is a problem naming its field. */
        static Dates typed(String from, String to) {
            return new Dates(date("from", from), date("to", to));
        }

        private static LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value.strip());
            } catch (DateTimeException e) {
                throw ProblemException.invalid(field, "is not a date; write it as YYYY-MM-DD, such as 2026-03-01");
            }
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw ProblemException.invalid(field, "must be a date between the years 1900 and 9999");
            }
            return date;
        }
    }

    /** The audit as one caller may see it, over sessions held from {@code from} to {@code to} (each open when null). */
    record Report(boolean wholePractice, int sessions, List<PracticeAudit.Figures> rows, LocalDate from, LocalDate to) {

        /** "from 1 Mar 2026 to 31 Mar 2026", "since …", "until …", or "of all dates". */
        public String range() {
            DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
            if (from != null && to != null) {
                return "from " + day.format(from) + " to " + day.format(to);
            }
            return from != null ? "since " + day.format(from) : to != null ? "until " + day.format(to) : "of all dates";
        }
    }

    /** The label of a clinician's own row when they see only their own sessions. */
    static final String YOURS = "(your sessions)";

    private final TranscriptRepository transcripts;
    private final Practices practices;
    private final AuditTrail audit;

    TranscriptAudits(TranscriptRepository transcripts, Practices practices, AuditTrail audit) {
        this.transcripts = transcripts;
        this.practices = practices;
        this.audit = audit;
    }

    /** The audit over the sessions whose date, in the practice's time zone, falls within {@code dates}. */
    Report report(Actor actor, Dates dates) {
        LocalDate from = dates.from();
        LocalDate to = dates.to();
        boolean whole = actor.has(Role.ADMIN);
        if (!whole && !actor.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("The transcript audit is for the practice's staff.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must be on or after the first date (" + from + ")");
        }
        ZoneId zone = practices.of(actor).timeZone();
        List<StoredTranscript> latest = transcripts.latestPerSession(actor.practiceId(), whole ? null : actor.accountId(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, List<DetectedAssignment>> found = new HashMap<>();
        for (StoredDetection d : transcripts.assignmentsOf(actor.practiceId(), latest.stream().map(StoredTranscript::id).toList())) {
            found.computeIfAbsent(d.transcriptId(), k -> new ArrayList<>()).add(new DetectedAssignment(d.turn(), d.category(),
                    Boolean.TRUE.equals(d.specific()), d.summary() == null ? "" : d.summary(), d.evidence()));
        }
        Map<UUID, String> names = new HashMap<>();
        List<SessionDetection> sessions = new ArrayList<>();
        for (StoredTranscript t : latest) {
            String clinician = names.computeIfAbsent(t.clinicianId(), id -> practices.person(actor.practiceId(), id)
                    .map(Practices.Person::displayName).orElse(PracticeAudit.UNNAMED));
            sessions.add(new SessionDetection(t.sessionId().toString(), clinician, List.of(), t.homeworkAssigned(),
                    t.homeworkReviewed(), found.getOrDefault(t.id(), List.of())));
        }
        List<PracticeAudit.Figures> rows = PracticeAudit.of(sessions);
        if (!whole) {
            PracticeAudit.Figures all = rows.get(0);
            rows = List.of(new PracticeAudit.Figures(YOURS, all.sessions(), all.sessionsAssigning(), all.sessionsReviewing(),
                    all.assignments(), all.specific(), all.vague(), all.categories()));
        }
        return new Report(whole, latest.size(), rows, from, to);
    }

    /** The same figures as CSV; the download is audited as an export. */
    String csv(Actor actor, Dates dates) {
        Report report = report(actor, dates);
        StringBuilder out = new StringBuilder();
        try {
            PracticeAudit.writeCsv(report.rows(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordNow(AuditEntry.by(actor, null, AuditAction.EXPORT, "transcript audit", null,
                (report.wholePractice() ? "whole practice" : "own sessions") + ", " + report.range() + ", "
                        + report.sessions() + " session(s), figures only"));
        return out.toString();
    }
}
