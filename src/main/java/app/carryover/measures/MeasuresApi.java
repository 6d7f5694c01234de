package app.carryover.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Measures over the JSON API: the instruments with their items and codes, a client's answers and
 * schedules for the care team, and the client's own due questionnaires and answers.
 */
@RestController
class MeasuresApi {

    /** An answer set: one value per item in order (null for unanswered), and the id the device made for it. */
    record AnswerBody(@Size(max = 40) String instrument, UUID submissionId, List<Integer> answers, UUID sessionId) {
        Measures.AnswerInput input() {
            return new Measures.AnswerInput(submissionId, answers, sessionId);
        }
    }

    record ScheduleBody(@Size(max = 40) String instrument, MeasureSchedule.Kind kind, Integer intervalWeeks,
            LocalDate startsOn, LocalDate endsOn) {
    }

    /** A saved answer set with its score; {@code created} is false when the submission had already been stored. */
    record AdministrationView(UUID id, String instrument, String name, Instant answeredAt, LocalDate localDate,
            MeasureAdministration.Mode mode, UUID sessionId, UUID assignmentId, List<Integer> answers, Integer total,
            Integer maxTotal, boolean prorated, int missing, String band, boolean risk, String loincTotal, Boolean created) {

        static AdministrationView of(MeasureAdministration a, Instrument i, Boolean created) {
            return new AdministrationView(a.id(), a.instrument(), i == null ? a.instrument() : i.name(), a.answeredAt(),
                    a.localDate(), a.mode(), a.sessionId(), a.assignmentId(), a.answers(), a.total(),
                    i == null || !i.hasTotal() ? null : i.maxTotal(), a.prorated(), a.missing(), a.band(), a.risk(),
                    i == null || i.measure() == null ? null : i.measure().loincTotal(), created);
        }
    }

    private final Measures measures;
    private final MeasureSchedules schedules;
    private final Instruments instruments;

    MeasuresApi(Measures measures, MeasureSchedules schedules, Instruments instruments) {
        this.measures = measures;
        this.schedules = schedules;
        this.instruments = instruments;
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/api/v1/instruments")
    List<Instrument> instruments(Actor actor) {
        return instruments.available(actor.practiceId());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/measures")
    List<AdministrationView> history(Actor actor, @PathVariable UUID clientId) {
        return views(actor, measures.history(actor, clientId));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/measures")
    ResponseEntity<AdministrationView> administer(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody AnswerBody body) {
        return answered(measures.administer(actor, clientId, required(body.instrument()), body.input()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/measures/due")
    List<DueMeasure> due(Actor actor, @PathVariable UUID clientId) {
        return schedules.due(actor, clientId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/measure-schedules")
    List<MeasureSchedule> schedules(Actor actor, @PathVariable UUID clientId) {
        return schedules.list(actor, clientId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/measure-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    MeasureSchedule schedule(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody ScheduleBody body) {
        return schedules.schedule(actor, clientId, new MeasureSchedules.ScheduleInput(body.instrument(), body.kind(),
                body.intervalWeeks(), body.startsOn(), body.endsOn()));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @DeleteMapping("/api/v1/clients/{clientId}/measure-schedules/{scheduleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(Actor actor, @PathVariable UUID clientId, @PathVariable UUID scheduleId) {
        schedules.stop(actor, clientId, scheduleId);
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/measures")
    List<AdministrationView> mine(Actor actor) {
        return views(actor, measures.history(actor, actor.clientId()));
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/measures/due")
    List<DueMeasure> myDue(Actor actor) {
        return schedules.due(actor, actor.clientId());
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/api/v1/me/measures")
    ResponseEntity<AdministrationView> answer(Actor actor, @Valid @RequestBody AnswerBody body) {
        return answered(measures.answer(actor, required(body.instrument()), body.input()));
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/api/v1/practice/custom-measures")
    List<CustomMeasure> custom(Actor actor) {
        return instruments.custom(actor);
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/api/v1/practice/custom-measures")
    @ResponseStatus(HttpStatus.CREATED)
    CustomMeasure addCustom(Actor actor, @RequestBody Instruments.CustomInput body) {
        return instruments.addCustom(actor, body);
    }

    @Access(AccessRule.ADMIN)
    @DeleteMapping("/api/v1/practice/custom-measures/{customMeasureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(Actor actor, @PathVariable UUID customMeasureId) {
        instruments.retireCustom(actor, customMeasureId);
    }

    /** 201 for a new answer set, 200 for a retried one (stored once). */
    private static ResponseEntity<AdministrationView> answered(Measures.Answered a) {
        return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AdministrationView.of(a.administration(), a.instrument(), a.created()));
    }

    private List<AdministrationView> views(Actor actor, List<MeasureAdministration> list) {
        return list.stream().map(a -> AdministrationView.of(a, instruments.find(actor.practiceId(), a.instrument())
                .orElse(null), null)).toList();
    }

    private static String required(String instrument) {
        if (instrument == null || instrument.isBlank()) {
            throw ProblemException.invalid("instrument", "is required (PHQ9, GAD7, PHQ8 or a practice measure's id)");
        }
        return instrument;
    }
}
