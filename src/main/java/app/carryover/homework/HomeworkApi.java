package app.carryover.homework;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The homework loop over the JSON API: the care team's side under /clients, the client's under /me. */
@RestController
class HomeworkApi {

    record AssignmentBody(@Size(max = 200) String title, @Size(max = 5000) String instructions,
            @Size(max = 2000) String rationale, boolean general, List<UUID> goalIds, UUID sessionId,
            @Size(max = 100) String worksheetKey, Dose dose, LocalDate startDate, LocalDate dueDate, Integer difficulty,
            UUID exposureStepId, @Size(max = 2000) String plan) {
        AssignmentDraft draft() {
            return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId, worksheetKey, dose,
                    startDate, dueDate, difficulty, exposureStepId, plan);
        }
    }

    /** An edit: the whole assignment as it should now read, the revision it was made from, and a note. */
    record EditBody(@Valid @NotNull AssignmentBody assignment, Integer revision,
            @Size(max = 1000) String note) {
    }

    /** A review; for continue, step up, step down and modify, {@code next} may give the next assignment as composed. */
    record ReviewBody(ReviewDecision decision, Integer clinicianRating, Integer clientRating, List<Obstacle> obstacles,
            @Size(max = 500) String obstacleOther, @Size(max = 2000) String troubleshooting, @Valid AssignmentBody next) {
        HomeworkReviews.ReviewInput input() {
            return new HomeworkReviews.ReviewInput(decision, clinicianRating, clientRating, obstacles, obstacleOther,
                    troubleshooting);
        }
    }

    record StatusBody(@NotNull AssignmentStatus status) {
    }

    record EntryBody(@NotNull UUID clientEntryId, Instant occurredAt, Integer rating, @Size(max = 2000) String note,
            tools.jackson.databind.JsonNode answers) {
        EntryInput input() {
            return new EntryInput(clientEntryId, occurredAt, rating, note,
                    answers == null || answers.isNull() ? null : answers.toString());
        }
    }

    record DeferBody(@Size(max = 1000) String reason) {
    }

    record HierarchyBody(@Size(max = 200) String title, List<ExposureHierarchies.StepInput> steps) {
    }

    private final Assignments assignments;
    private final PracticeLog log;
    private final HomeworkReviews reviews;
    private final Briefs briefs;
    private final ExposureHierarchies exposure;

    HomeworkApi(Assignments assignments, PracticeLog log, HomeworkReviews reviews, Briefs briefs,
            ExposureHierarchies exposure) {
        this.assignments = assignments;
        this.log = log;
        this.reviews = reviews;
        this.briefs = briefs;
        this.exposure = exposure;
    }

    // The care team

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/assignments")
    List<AssignmentProgress> assignments(Actor actor, @PathVariable UUID clientId,
            @RequestParam(defaultValue = "false") boolean includeClosed) {
        return assignments.progress(actor, clientId, includeClosed);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Assignment compose(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody AssignmentBody body) {
        return assignments.compose(actor, clientId, body.draft());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/assignments/{assignmentId}")
    Assignment assignment(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId) {
        return assignments.get(actor, clientId, assignmentId);
    }

    /** Changes an open assignment; 409 when it was changed since {@code revision} or is closed. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/assignments/{assignmentId}")
    Assignment edit(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @Valid @RequestBody EditBody body) {
        return assignments.edit(actor, clientId, assignmentId, body.assignment().draft(), body.revision(), body.note());
    }

    /** Who changed what in an assignment, and when; newest first. */
    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/assignments/{assignmentId}/history")
    List<AssignmentRevision> history(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId) {
        return assignments.history(actor, clientId, assignmentId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/assignments/{assignmentId}/status")
    Assignment status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId,
            @Valid @RequestBody StatusBody body) {
        return assignments.setStatus(actor, clientId, assignmentId, body.status());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/assignments/{assignmentId}/entries")
    List<PracticeEntry> entries(Actor actor, @PathVariable UUID clientId, @PathVariable UUID assignmentId) {
        return log.ofAssignment(actor, clientId, assignmentId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/review")
    HomeworkReviews.ReviewScreen review(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId) {
        return reviews.screen(actor, clientId, sessionId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}")
    @ResponseStatus(HttpStatus.CREATED)
    Review decide(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @PathVariable UUID assignmentId,
            @Valid @RequestBody ReviewBody body) {
        return reviews.decide(actor, clientId, sessionId, assignmentId, body.input(),
                body.next() == null ? null : body.next().draft());
    }

    /** The next assignment a decision proposes (the change filled in, the plan carried), to edit before deciding. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @GetMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/proposal")
    AssignmentDraft proposal(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @PathVariable UUID assignmentId, @RequestParam(defaultValue = "MODIFY") ReviewDecision decision,
            @RequestParam(defaultValue = "") String plan) {
        return reviews.proposal(actor, clientId, sessionId, assignmentId, decision, plan);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/review/{assignmentId}/deferral")
    @ResponseStatus(HttpStatus.CREATED)
    Review defer(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId, @PathVariable UUID assignmentId,
            @Valid @RequestBody DeferBody body) {
        return reviews.defer(actor, clientId, sessionId, assignmentId, body.reason());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/brief")
    Briefs.Brief brief(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId) {
        return briefs.brief(actor, clientId, sessionId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/hierarchies")
    List<ExposureHierarchy> hierarchies(Actor actor, @PathVariable UUID clientId) {
        return exposure.list(actor, clientId);
    }

    record HierarchyEditBody(@Size(max = 200) String title, Integer revision, List<ExposureHierarchies.StepEdit> steps) {
    }

    /** Changes a hierarchy: the steps in their new order (ids for kept steps, none for new; left out = removed). */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/hierarchies/{hierarchyId}")
    ExposureHierarchy updateHierarchy(Actor actor, @PathVariable UUID clientId, @PathVariable UUID hierarchyId,
            @Valid @RequestBody HierarchyEditBody body) {
        return exposure.update(actor, clientId, hierarchyId, body.title(), body.steps(), body.revision());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/hierarchies/{hierarchyId}/history")
    List<HierarchyRevision> hierarchyHistory(Actor actor, @PathVariable UUID clientId, @PathVariable UUID hierarchyId) {
        return exposure.history(actor, clientId, hierarchyId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/hierarchies")
    @ResponseStatus(HttpStatus.CREATED)
    ExposureHierarchy createHierarchy(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody HierarchyBody body) {
        return exposure.create(actor, clientId, body.title(), body.steps());
    }

    // The client

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/assignments")
    List<AssignmentProgress> mine(Actor actor, @RequestParam(defaultValue = "false") boolean includeClosed) {
        return assignments.progress(actor, actor.clientId(), includeClosed);
    }

    /** Records practice; a retry with the same clientEntryId answers 200 with the entry stored the first time. */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/api/v1/me/assignments/{assignmentId}/entries")
    ResponseEntity<PracticeEntry> log(Actor actor, @PathVariable UUID assignmentId, @Valid @RequestBody EntryBody body) {
        PracticeLog.Logged logged = log.log(actor, assignmentId, body.input());
        return ResponseEntity.status(logged.created() ? HttpStatus.CREATED : HttpStatus.OK).body(logged.entry());
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/entries")
    List<PracticeEntry> myEntries(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return log.history(actor, actor.clientId(), limit);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PutMapping("/api/v1/me/entries/{entryId}")
    PracticeEntry edit(Actor actor, @PathVariable UUID entryId, @Valid @RequestBody EntryBody body) {
        return log.edit(actor, entryId, body.input());
    }

    @Access(AccessRule.CLIENT_SELF)
    @DeleteMapping("/api/v1/me/entries/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable UUID entryId) {
        log.delete(actor, entryId);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PutMapping("/api/v1/me/assignments/{assignmentId}/reflection")
    Reflection reflect(Actor actor, @PathVariable UUID assignmentId, @Valid @RequestBody HomeworkReviews.ReflectionInput body) {
        return reviews.reflect(actor, assignmentId, body);
    }
}
