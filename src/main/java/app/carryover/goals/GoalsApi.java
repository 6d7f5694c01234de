package app.carryover.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.measures.Measure;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goals over the JSON API: the care team's view and changes, and the client's own goals. */
@RestController
class GoalsApi {

    record GoalBody(@Size(max = 500) String statement, @Size(max = 2000) String whyItMatters,
            GoalTarget.Kind targetKind, Measure measure, GoalTarget.Comparator comparator, BigDecimal targetValue,
            @Size(max = 200) String metric, BigDecimal baseline, LocalDate targetDate, Integer version,
            @Size(max = 1000) String note) {
        GoalDraft draft() {
            return new GoalDraft(statement, whyItMatters, targetKind, measure, comparator, targetValue, metric, baseline,
                    targetDate);
        }
    }

    record StatusBody(@NotNull GoalStatus status, @Size(max = 1000) String note) {
    }

    record GoalView(UUID id, String statement, String whyItMatters, String target, GoalTarget targetDetail,
            LocalDate targetDate, GoalStatus status, int version) {
        static GoalView of(Goal g) {
            return new GoalView(g.id(), g.statement(), g.whyItMatters(), g.target().describe(), g.target(), g.targetDate(),
                    g.status(), g.version());
        }
    }

    private final Goals goals;

    GoalsApi(Goals goals) {
        this.goals = goals;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/goals")
    List<GoalView> list(Actor actor, @PathVariable UUID clientId) {
        return goals.list(actor, clientId).stream().map(GoalView::of).toList();
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/goals")
    @ResponseStatus(HttpStatus.CREATED)
    GoalView create(Actor actor, @PathVariable UUID clientId, @Valid @RequestBody GoalBody body) {
        return GoalView.of(goals.create(actor, clientId, body.draft()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/goals/{goalId}")
    GoalView get(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId) {
        return GoalView.of(goals.get(actor, clientId, goalId));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/goals/{goalId}")
    GoalView update(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId, @Valid @RequestBody GoalBody body) {
        int version = body.version() == null ? goals.get(actor, clientId, goalId).version() : body.version();
        return GoalView.of(goals.update(actor, clientId, goalId, body.draft(), version, body.note()));
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PutMapping("/api/v1/clients/{clientId}/goals/{goalId}/status")
    GoalView status(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId, @Valid @RequestBody StatusBody body) {
        return GoalView.of(goals.setStatus(actor, clientId, goalId, body.status(), body.note()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/goals/{goalId}/history")
    List<Goals.HistoryEntry> history(Actor actor, @PathVariable UUID clientId, @PathVariable UUID goalId) {
        return goals.history(actor, clientId, goalId);
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/goals")
    List<GoalView> mine(Actor actor) {
        return goals.list(actor, actor.clientId()).stream().map(GoalView::of).toList();
    }
}
