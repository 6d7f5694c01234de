package app.carryover.caseload;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The client's consent pages, the closing page after discharge, and the admin's terms page. */
@Controller
class ConsentController {

    private final Consents consents;
    private final ClientAccess access;
    private final Erasures erasures;
    private final Retention retention;
    private final ObjectProvider<ConsentExplanation> explanations;

    ConsentController(Consents consents, ClientAccess access, Erasures erasures, Retention retention,
            ObjectProvider<ConsentExplanation> explanations) {
        this.explanations = explanations;
        this.consents = consents;
        this.access = access;
        this.erasures = erasures;
        this.retention = retention;
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping("/consent")
    String consent(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "consent");
        if (consents.hasAcceptedCurrentTerms(client.practiceId(), client.id())) {
            return "redirect:/today";
        }
        Consents.Decision terms = consents.decisions(client.practiceId(), client.id()).get(ConsentKind.TERMS);
        model.addAttribute("terms", consents.currentTerms(client.practiceId()));
        // Agreed to an earlier version: the practice changed its terms. Withdrew: the client did.
        model.addAttribute("renewal", terms != null && terms.given());
        model.addAttribute("withdrawn", terms != null && !terms.given() ? terms : null);
        return "caseload/consent";
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @PostMapping("/consent")
    String accept(Actor actor, @RequestParam(defaultValue = "false") boolean accept,
            @RequestParam(defaultValue = "false") boolean emailMessages, Model model, HttpServletResponse response) {
        if (!accept) {
            model.addAttribute("errors", Map.of("accept", "Tick the box to agree, or sign out if you do not."));
            response.setStatus(400);
            return consent(actor, model);
        }
        consents.decide(actor, ConsentKind.TERMS, true);
        if (emailMessages) {
            consents.decide(actor, ConsentKind.EMAIL_MESSAGES, true);
        }
        return "redirect:/today";
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping("/settings/privacy")
    String privacy(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "consent");
        model.addAttribute("decisions", consents.decisions(client.practiceId(), client.id()));
        model.addAttribute("kinds", List.of(ConsentKind.values()));
        model.addAttribute("terms", consents.currentTerms(client.practiceId()));
        model.addAttribute("erasure", erasures.mine(actor).orElse(null));
        model.addAttribute("retentionYears", retention.years(client.practiceId()));
        model.addAttribute("explanations", explanations(client.practiceId()));
        return "caseload/privacy";
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @PostMapping("/settings/privacy")
    String decide(Actor actor, @RequestParam ConsentKind kind, @RequestParam boolean given,
            @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!given && !confirmed) {
            // Withdrawing acts at once (reminders stop, the clinician is told): say what it does and ask first.
            model.addAttribute("kind", kind);
            List<String> lines = new java.util.ArrayList<>(consequences(kind));
            explanations.orderedStream().filter(e -> e.kind() == kind)
                    .forEach(e -> lines.addAll(e.onWithdrawal(actor.practiceId())));
            model.addAttribute("consequences", lines);
            return "caseload/withdraw";
        }
        try {
            consents.decide(actor, kind, given);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return privacy(actor, model);
        }
        redirect.addFlashAttribute("notice", given ? "Thank you. You agreed to: " + kind.label() + "."
                : "Withdrawn: " + kind.label() + ". " + consequences(kind).get(0));
        return kind == ConsentKind.TERMS && given ? "redirect:/today" : "redirect:/settings/privacy";
    }

    /** Each consent's plain explanation, from the module that does the thing. */
    private Map<ConsentKind, List<String>> explanations(UUID practiceId) {
        Map<ConsentKind, List<String>> words = new EnumMap<>(ConsentKind.class);
        explanations.orderedStream().forEach(e -> words.put(e.kind(), e.paragraphs(practiceId)));
        return words;
    }

    /** What withdrawing each consent does, in the client's words; the first line is the one kept after it is done. */
    private static List<String> consequences(ConsentKind kind) {
        return switch (kind) {
            case TERMS -> List.of("Carryover has stopped all reminders and messages to you, and your clinician is told.",
                    "You will not be able to use Today, your worksheets or your history until you agree to the terms "
                            + "again. What you have recorded so far stays in your record.");
            case EMAIL_MESSAGES -> List.of("Carryover no longer sends you reminders or messages by e-mail.");
            case SMS_MESSAGES -> List.of("Carryover no longer sends you reminders by text message.");
            case PUSH_MESSAGES -> List.of("Carryover no longer sends you reminders as notifications on your phone.");
            case TRANSCRIPT_ANALYSIS -> List.of("Transcripts of your sessions are no longer analysed to find the homework agreed.");
        };
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping("/closed")
    String closed(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "closing page");
        if (!client.discharged()) {
            return "redirect:/today";
        }
        model.addAttribute("client", client);
        return "caseload/closed";
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/terms")
    String terms(Actor actor, Model model) {
        model.addAttribute("terms", consents.currentTerms(actor.practiceId()));
        return "caseload/admin-terms";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/terms")
    String publish(Actor actor, @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Consents.Document published = consents.publishTerms(actor, body);
            redirect.addFlashAttribute("notice", "Version " + published.version()
                    + " published. Clients accept it at their next visit.");
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return terms(actor, model);
        }
        return "redirect:/admin/terms";
    }
}
