package app.carryover.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;

/** The session forms of the care team: schedule, record what became of a session, keep notes. */
@Controller
class SessionPages {

    private final Sessions sessions;

    SessionPages(Sessions sessions) {
        this.sessions = sessions;
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/sessions")
    String schedule(Actor actor, @PathVariable UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time,
            @RequestParam(defaultValue = "50") int durationMinutes, RedirectAttributes redirect) {
        if (date == null || time == null) {
            throw ProblemException.invalid("startsAt", "give a date and a time");
        }
        TherapySession s = sessions.schedule(actor, clientId, date.atTime(time), durationMinutes);
        redirect.addFlashAttribute("notice", "Session scheduled.");
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
}
