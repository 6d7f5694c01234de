package app.carryover.measures;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Risk alerts over the JSON API, for the care team. */
@RestController
class RiskAlertsApi {

    record AcknowledgementBody(RiskAlert.Action action, @Size(max = 2000) String note) {
    }

    private final RiskAlerts alerts;

    RiskAlertsApi(RiskAlerts alerts) {
        this.alerts = alerts;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/alerts")
    List<RiskAlert> list(Actor actor, @PathVariable UUID clientId) {
        return alerts.forClient(actor, clientId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @PostMapping("/api/v1/clients/{clientId}/alerts/{alertId}/acknowledgement")
    RiskAlert acknowledge(Actor actor, @PathVariable UUID clientId, @PathVariable UUID alertId,
            @Valid @RequestBody AcknowledgementBody body) {
        return alerts.acknowledge(actor, clientId, alertId, body.action(), body.note());
    }
}
