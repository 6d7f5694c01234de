package app.carryover.measures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Questionnaire pages: the client answering one on their phone (and seeing crisis contacts at once
 * after a risk answer), and the care team's measures page for a client — scores, schedules, and
 * giving a questionnaire in session.
 */
@Controller
class MeasurePages {

    private final Measures measures;
    private final MeasureSchedules schedules;
    private final Instruments instruments;
    private final MeasureViews views;
    private final ClientAccess access;
    private final Practices practices;

    MeasurePages(Measures measures, MeasureSchedules schedules, Instruments instruments, MeasureViews views,
            ClientAccess access, Practices practices) {
        this.measures = measures;
        this.schedules = schedules;
        this.instruments = instruments;
        this.views = views;
        this.access = access;
        this.practices = practices;
    }

    // ---- the client

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/measures/{instrumentKey}")
    String answerForm(Actor actor, @PathVariable String instrumentKey, @RequestParam(required = false) UUID sessionId,
            Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "questionnaire form");
        Instrument instrument = clientInstrument(client, instrumentKey);
        model.addAttribute("instrument", instrument);
        model.addAttribute("values", Map.of());
        model.addAttribute("submissionId", UUID.randomUUID());
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("practice", practices.of(actor));
        return "measures/answer";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/measures/{instrumentKey}")
    String answer(Actor actor, @PathVariable String instrumentKey, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        ClientRecord client = access.read(actor, actor.clientId(), "questionnaire form");
        Instrument instrument = clientInstrument(client, instrumentKey);
        Measures.Answered answered;
        try {
            answered = measures.answer(actor, instrumentKey, new Measures.AnswerInput(uuid(params, "submissionId"),
                    instrument.answersFrom(params), uuid(params, "sessionId")));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("instrument", instrument);
            model.addAttribute("values", params);
            model.addAttribute("submissionId", params.getOrDefault("submissionId", UUID.randomUUID().toString()));
            model.addAttribute("sessionId", params.get("sessionId"));
            model.addAttribute("practice", practices.of(actor));
            return "measures/answer";
        }
        model.addAttribute("answered", answered);
        model.addAttribute("alerted", answered.score().risk());
        model.addAttribute("practice", practices.of(actor));
        return "measures/answered";
    }

    // ---- the care team

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/measures")
    String clientMeasures(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.read(actor, clientId, "measures page");
        model.addAttribute("client", client);
        model.addAttribute("mayChange", access.mayChange(actor, client));
        model.addAttribute("summaries", views.summaries(client, measures.history(actor, clientId)));
        model.addAttribute("schedules", views.schedules(client, schedules.list(actor, clientId)));
        model.addAttribute("due", schedules.due(actor, clientId));
        model.addAttribute("instruments", instruments.available(client.practiceId()));
        model.addAttribute("kinds", MeasureSchedule.Kind.values());
        model.addAttribute("today", views.today(client));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "measures/client-measures";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/clients/{clientId}/measures/{instrumentKey}/give")
    String giveForm(Actor actor, @PathVariable UUID clientId, @PathVariable String instrumentKey,
            @RequestParam(required = false) UUID sessionId, Model model) {
        ClientRecord client = access.prepareChange(actor, clientId, "questionnaire in session");
        Instrument instrument = instruments.givable(client.practiceId(), instrumentKey);
        if (instrument.isHomeworkRating()) {
            throw ProblemException.notFound("Questionnaire");
        }
        model.addAttribute("client", client);
        model.addAttribute("instrument", instrument);
        model.addAttribute("values", Map.of());
        model.addAttribute("submissionId", UUID.randomUUID());
        model.addAttribute("sessionId", sessionId);
        return "measures/give";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/measures/{instrumentKey}")
    String give(Actor actor, @PathVariable UUID clientId, @PathVariable String instrumentKey,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ClientRecord client = access.prepareChange(actor, clientId, "questionnaire in session");
        Instrument instrument = instruments.givable(client.practiceId(), instrumentKey);
        Measures.Answered answered;
        try {
            answered = measures.administer(actor, clientId, instrumentKey, new Measures.AnswerInput(
                    uuid(params, "submissionId"), instrument.answersFrom(params), uuid(params, "sessionId")));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("client", client);
            model.addAttribute("instrument", instrument);
            model.addAttribute("values", params);
            model.addAttribute("submissionId", params.getOrDefault("submissionId", UUID.randomUUID().toString()));
            model.addAttribute("sessionId", params.get("sessionId"));
            return "measures/give";
        }
        redirect.addFlashAttribute("notice", instrument.name() + " saved: " + answered.score().describe()
                + (answered.score().risk() ? ". A risk answer was given: see the alert." : "."));
        return "redirect:/clients/" + clientId + "/measures";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/measure-schedules")
    String schedule(Actor actor, @PathVariable UUID clientId, @RequestParam(defaultValue = "") String instrument,
            @RequestParam(required = false) MeasureSchedule.Kind kind, @RequestParam(required = false) String intervalWeeks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            MeasureSchedule s = schedules.schedule(actor, clientId, new MeasureSchedules.ScheduleInput(instrument, kind,
                    weeks(intervalWeeks), startsOn, endsOn));
            redirect.addFlashAttribute("notice", "Scheduled: " + instruments.find(actor.practiceId(), s.instrument())
                    .map(Instrument::name).orElse(s.instrument()) + " " + s.describe() + ".");
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            Map<String, String> form = new HashMap<>();
            form.put("instrument", instrument);
            form.put("kind", kind == null ? "" : kind.name());
            form.put("intervalWeeks", intervalWeeks == null ? "" : intervalWeeks);
            form.put("startsOn", startsOn == null ? "" : startsOn.toString());
            form.put("endsOn", endsOn == null ? "" : endsOn.toString());
            model.addAttribute("form", form);
            return clientMeasures(actor, clientId, model);
        }
        return "redirect:/clients/" + clientId + "/measures";
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/clients/{clientId}/measure-schedules/{scheduleId}/stop")
    String stop(Actor actor, @PathVariable UUID clientId, @PathVariable UUID scheduleId, RedirectAttributes redirect) {
        schedules.stop(actor, clientId, scheduleId);
        redirect.addFlashAttribute("notice", "Schedule stopped.");
        return "redirect:/clients/" + clientId + "/measures";
    }

    private Instrument clientInstrument(ClientRecord client, String key) {
        Instrument instrument = instruments.givable(client.practiceId(), key);
        if (instrument.respondent() != Instrument.Respondent.CLIENT || instrument.isHomeworkRating()) {
            throw ProblemException.notFound("Questionnaire");
        }
        return instrument;
    }

    /** A form's interval in weeks: empty is none; anything else that is not a number is refused by the service's range check. */
    private static Integer weeks(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(Map<String, String> params, String name) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "is not a valid id");
        }
    }
}
