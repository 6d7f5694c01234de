package app.carryover.clinician;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.ClientVoice;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.PracticeZones;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a client said about their homework and what they asked for, with the care team's written
 * replies: one page per client, reached from the caseload, the brief and the review.
 */
@Controller
class ClientVoiceScreens {

    private final ClientVoice voice;
    private final ClientAccess access;
    private final PracticeZones zones;

    ClientVoiceScreens(ClientVoice voice, ClientAccess access, PracticeZones zones) {
        this.voice = voice;
        this.access = access;
        this.zones = zones;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/questions")
    String questions(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.read(actor, clientId, "the client's questions and requests");
        model.addAttribute("client", client);
        model.addAttribute("voice", voice.voice(actor, clientId));
        model.addAttribute("mayChange", access.mayChange(actor, client));
        model.addAttribute("viewerZone", zones.zoneOf(actor.practiceId()));
        return "clinician/questions";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/questions/{responseId}/reply")
    String reply(Actor actor, @PathVariable UUID clientId, @PathVariable UUID responseId,
            @RequestParam(defaultValue = "") String reply, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("notice", voice.reply(actor, clientId, responseId, reply).delivery());
        } catch (ProblemException e) {
            return refused(actor, clientId, responseId, reply, e, model, response);
        }
        return "redirect:/clients/" + clientId + "/questions";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/requests/{requestId}/reply")
    String replyToRequest(Actor actor, @PathVariable UUID clientId, @PathVariable UUID requestId,
            @RequestParam(defaultValue = "") String reply, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("notice", voice.replyToRequest(actor, clientId, requestId, reply).delivery());
        } catch (ProblemException e) {
            return refused(actor, clientId, requestId, reply, e, model, response);
        }
        return "redirect:/clients/" + clientId + "/questions";
    }

    /** The page again, with the message beside the reply it concerns and the typed words kept. */
    private String refused(Actor actor, UUID clientId, UUID itemId, String typed, ProblemException e, Model model,
            HttpServletResponse response) {
        if (e.fields().isEmpty()) {
            if (e.status().value() != 409) {
                throw e;
            }
            model.addAttribute("problem", e.getMessage());
            response.setStatus(409);
        } else {
            FormErrors.reject(e, model, response);
        }
        model.addAttribute("refusedItem", itemId);
        model.addAttribute("typed", typed);
        int status = response.getStatus();
        String page = questions(actor, clientId, model);
        response.setStatus(status);
        return page;
    }
}
