package app.carryover.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.ProblemException;

/**
 * The session forms of the care team: schedule (once or as a series), move, delete, record what
 * became of a session, keep notes. A refused form goes back to its page with the message beside the
 * field and what was typed.
 */
@Controller
class SessionPages {

    private final Sessions sessions;
    private final SessionSeries series;

    SessionPages(Sessions sessions, SessionSeries series) {
        this.sessions = sessions;
        this.series = series;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions")
    String schedule(Actor actor, @PathVariable UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @RequestParam(defaultValue = "50") int durationMinutes, @RequestParam(required = false) Integer everyWeeks,
            @RequestParam(required = false) Integer repeatCount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repeatUntil,
            RedirectAttributes redirect) {
        try {
            if (date == null || time == null) {
                throw ProblemException.invalid("startsAt", "give a date and a time");
            }
            if (everyWeeks == null) {
                sessions.schedule(actor, clientId, date.atTime(time), durationMinutes);
                redirect.addFlashAttribute("notice", "Session scheduled.");
            } else {
                SessionSeries.Scheduled made = series.schedule(actor, clientId,
                        new Recurrence(date, time, durationMinutes, everyWeeks, repeatUntil == null ? repeatCount : null,
                                repeatUntil));
                redirect.addFlashAttribute("notice", "Sessions scheduled: " + made.rule() + ".");
            }
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("scheduleErrors", messages(e));
            redirect.addFlashAttribute("scheduleTyped", typed("date", date, "time", time, "durationMinutes", durationMinutes,
                    "everyWeeks", everyWeeks, "repeatCount", repeatCount, "repeatUntil", repeatUntil));
        }
        return "redirect:/clients/" + clientId + "#sessions";
    }

    /** Moves a scheduled session; with {@code following}, the later sessions of its series by the same step. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/move")
    String move(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @RequestParam(defaultValue = "50") int durationMinutes, @RequestParam(defaultValue = "false") boolean following,
            RedirectAttributes redirect) {
        try {
            if (date == null || time == null) {
                throw ProblemException.invalid("startsAt", "give the new date and time");
            }
            if (following) {
                int moved = series.moveFollowing(actor, clientId, sessionId, date.atTime(time), durationMinutes).size();
                redirect.addFlashAttribute("notice", "Moved this session and the following ones of its series ("
                        + moved + " in the series now).");
            } else {
                sessions.reschedule(actor, clientId, sessionId, date.atTime(time), durationMinutes);
                redirect.addFlashAttribute("notice", "Session moved to " + Dates.day(date) + ", " + time
                        + " (the client's time).");
            }
        } catch (ProblemException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("moveErrors", messages(e));
            redirect.addFlashAttribute("moveTyped", typed("date", date, "time", time, "durationMinutes", durationMinutes,
                    "following", following));
        }
        return "redirect:/clients/" + clientId + "/sessions/" + sessionId + "#change";
    }

    /** Deletes a session nothing hangs on (with {@code following}, the later ones of its series too). */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/delete")
    String delete(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam(defaultValue = "false") boolean following, RedirectAttributes redirect) {
        Sessions.Deleted done = sessions.delete(actor, clientId, sessionId, following);
        String notice = done.deleted().size() == 1 ? "Session deleted." : done.deleted().size() + " sessions deleted.";
        if (!done.kept().isEmpty()) {
            notice += " Kept " + done.kept().size() + " that something hangs on.";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/clients/" + clientId + "#sessions";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/status")
    String status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @RequestParam SessionStatus status,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        sessions.setStatus(actor, clientId, sessionId, status);
        redirect.addFlashAttribute("notice", "Session marked " + status.label() + ".");
        // Recorded from a list (the caseload's or the client's prompt): back to that list.
        return switch (back) {
            case "caseload" -> "redirect:/caseload";
            case "client" -> "redirect:/clients/" + clientId + "#sessions";
            default -> "redirect:/clients/" + clientId + "/sessions/" + sessionId;
        };
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions/{sessionId}/notes")
    String notes(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam(defaultValue = "") String notes, RedirectAttributes redirect) {
        sessions.saveNotes(actor, clientId, sessionId, notes);
        redirect.addFlashAttribute("notice", "Notes saved.");
        return "redirect:/clients/" + clientId + "/sessions/" + sessionId + "#notes";
    }

    /** Field messages keyed by form field; the service's "startsAt" is the form's date and time. */
    private static Map<String, String> messages(ProblemException e) {
        return e.fields().stream().collect(Collectors.toMap(f -> f.field().equals("startsAt") ? "date" : f.field(),
                ProblemException.FieldProblem::message, (a, b) -> a + "; " + b, LinkedHashMap::new));
    }

    private static Map<String, String> typed(Object... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            typed.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1].toString());
        }
        return typed;
    }
}
