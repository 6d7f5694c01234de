package app.carryover.sessions;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
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

/** Sessions over the JSON API. Times are local to the client's time zone, as the clinician sees them. */
@RestController
class SessionsApi {

    record ScheduleBody(@NotNull LocalDateTime startsAt, Integer durationMinutes) {
    }

    record StatusBody(@NotNull SessionStatus status) {
    }

    /** A move: the new local start in the client's zone; {@code following} moves the later sessions of its series too. */
    record MoveBody(@NotNull LocalDateTime startsAt, Integer durationMinutes, Boolean following) {
    }

    record NotesBody(@Size(max = 20000) String notes) {
    }

    private final Sessions sessions;
    private final SessionSeries series;

    SessionsApi(Sessions sessions, SessionSeries series) {
        this.sessions = sessions;
        this.series = series;
    }

    /** Schedules a series: every {@code everyWeeks} weeks from {@code firstDate} at {@code time}, {@code count} times or until a date. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/session-series")
    @ResponseStatus(HttpStatus.CREATED)
    SessionSeries.Scheduled scheduleSeries(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody Recurrence body) {
        return series.schedule(actor, clientId, body);
    }

    /** Moves a scheduled session (and, with {@code following}, the later ones of its series); answers the session. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/sessions/{sessionId}")
    TherapySession move(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @Valid @RequestBody MoveBody body) {
        int minutes = body.durationMinutes() == null ? 50 : body.durationMinutes();
        if (Boolean.TRUE.equals(body.following())) {
            series.moveFollowing(actor, clientId, sessionId, body.startsAt(), minutes);
            return sessions.get(actor, clientId, sessionId);
        }
        return sessions.reschedule(actor, clientId, sessionId, body.startsAt(), minutes);
    }

    /** Deletes a session nothing hangs on (409 saying what does); {@code following} also the later ones of its series. */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @DeleteMapping("/api/v1/clients/{clientId}/sessions/{sessionId}")
    Sessions.Deleted delete(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @RequestParam(defaultValue = "false") boolean following) {
        return sessions.delete(actor, clientId, sessionId, following);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/sessions")
    List<TherapySession> list(Actor actor, @PathVariable UUID clientId) {
        return sessions.list(actor, clientId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    TherapySession schedule(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody ScheduleBody body) {
        return sessions.schedule(actor, clientId, body.startsAt(), body.durationMinutes() == null ? 50 : body.durationMinutes());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/sessions/{sessionId}")
    TherapySession get(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId) {
        return sessions.get(actor, clientId, sessionId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/status")
    TherapySession status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @Valid @RequestBody StatusBody body) {
        return sessions.setStatus(actor, clientId, sessionId, body.status());
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/sessions/{sessionId}/notes")
    TherapySession notes(Actor actor, @PathVariable UUID clientId, @PathVariable UUID sessionId,
            @Valid @RequestBody NotesBody body) {
        return sessions.saveNotes(actor, clientId, sessionId, body.notes());
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/sessions")
    List<TherapySession> mine(Actor actor) {
        return sessions.list(actor, actor.clientId());
    }
}
