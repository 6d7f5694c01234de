package app.carryover.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.Assignments;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.ResponseKind;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client's say: answering an assignment ("Got it", a question, too hard, too easy, "I'd
 * change…"), asking for something to practise, and the plain page on what good homework looks like.
 * A refused message comes back on the page with the client's words still in the box.
 */
@Controller
class YourSayController {

    private final ClientVoice voice;
    private final Assignments assignments;
    private final ClientAccess access;
    private final Practices practices;
    private final Clock clock;

    private final app.carryover.system.Texts texts;

    YourSayController(ClientVoice voice, Assignments assignments, ClientAccess access, Practices practices, Clock clock,
            app.carryover.system.Texts texts) {
        this.texts = texts;
        this.voice = voice;
        this.assignments = assignments;
        this.access = access;
        this.practices = practices;
        this.clock = clock;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/assignments/{assignmentId}/say")
    String sayForm(Actor actor, @PathVariable UUID assignmentId, @RequestParam(required = false) ResponseKind kind,
            Model model) {
        return say(actor, assignmentId, kind, "", model);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/say")
    String said(Actor actor, @PathVariable UUID assignmentId, @RequestParam(required = false) ResponseKind kind,
            @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            voice.respond(actor, assignmentId, kind, body);
        } catch (ProblemException e) {
            refused(e, model, response);
            return say(actor, assignmentId, kind, body, model);
        }
        redirect.addFlashAttribute("notice", texts.get(kind == ResponseKind.GOT_IT ? "say.gotIt" : "say.sent"));
        return "redirect:/today";
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/ask")
    String askForm(Actor actor, Model model) {
        return ask(actor, "", model);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/ask")
    String asked(Actor actor, @RequestParam(defaultValue = "") String topic, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            voice.ask(actor, topic);
        } catch (ProblemException e) {
            refused(e, model, response);
            return ask(actor, topic, model);
        }
        redirect.addFlashAttribute("notice", texts.get("ask.sent"));
        return "redirect:/today";
    }

    /** The same plain words for everyone: clinicians may read what their clients read. */
    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/good-homework")
    String goodHomework(Actor actor, Model model) {
        model.addAttribute("isClient", actor.has(Role.CLIENT));
        return "client/good-homework";
    }

    private String say(Actor actor, UUID assignmentId, ResponseKind kind, String body, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "response form");
        Assignment a = assignments.get(actor, actor.clientId(), assignmentId);
        AssignmentProgress progress = assignments.progress(actor, actor.clientId(), false).stream()
                .filter(p -> p.assignment().id().equals(assignmentId)).findFirst().orElse(null);
        model.addAttribute("assignment", a);
        model.addAttribute("until", until(a, progress, client.timeZone()));
        model.addAttribute("dose", a.dose().describe(texts, texts.locale()));
        model.addAttribute("kinds", ResponseKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("body", body);
        model.addAttribute("said", voice.voice(actor, actor.clientId()).of(assignmentId));
        model.addAttribute("zone", client.timeZone());
        model.addAttribute("practice", practices.of(actor));
        return "client/say";
    }

    private String ask(Actor actor, String topic, Model model) {
        access.read(actor, actor.clientId(), "request form");
        model.addAttribute("topic", topic);
        model.addAttribute("practice", practices.of(actor));
        return "client/ask";
    }

    /** "Until your session on Friday 11 December at 10:00", in the client's words and zone. */
    private String until(Assignment a, AssignmentProgress p, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        java.util.Locale locale = texts.locale();
        if (!a.status().open()) {
            return texts.get("say.status." + a.status().name());
        }
        if (p != null && p.dueSession() != null && !p.period().over(clock.instant())) {
            return texts.get("say.untilSession", Dates.when(p.dueSession().startsIn(zone), today, locale));
        }
        if (a.dueDate() != null) {
            return texts.get("say.untilDate", Dates.longDay(a.dueDate(), today, locale));
        }
        return texts.get("say.untilNext");
    }

    /** Field errors beside their fields; anything else (a closed assignment, an ended care) as one message. */
    private static void refused(ProblemException e, Model model, HttpServletResponse response) {
        if (!e.fields().isEmpty()) {
            FormErrors.reject(e, model, response);
            return;
        }
        if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
            throw e;
        }
        model.addAttribute("problem", e.getMessage());
        response.setStatus(e.status().value());
    }
}
