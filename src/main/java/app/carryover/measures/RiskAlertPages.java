package app.carryover.measures;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.PracticeZones;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.worksheets.BuiltInWorksheets;
import jakarta.servlet.http.HttpServletResponse;

/** Risk alert pages: one alert with its acknowledgement, the alerts list, and the practice's escalation rule. */
@Controller
class RiskAlertPages {

    /** An escalated alert as an admin sees it: the client's name and times, never the answer. */
    record Escalated(RiskAlert alert, String clientName, String raised, String escalated, boolean onTeam) {
    }

    private final RiskAlerts alerts;
    private final AlertViews views;
    private final ClientAccess access;
    private final Caseload caseload;
    private final PracticeZones zones;

    RiskAlertPages(RiskAlerts alerts, AlertViews views, ClientAccess access, Caseload caseload,
            PracticeZones zones) {
        this.alerts = alerts;
        this.views = views;
        this.access = access;
        this.caseload = caseload;
        this.zones = zones;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/alerts/{alertId}")
    String alert(Actor actor, @PathVariable UUID clientId, @PathVariable UUID alertId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "risk alert page");
        model.addAttribute("client", client);
        model.addAttribute("view", views.view(client, alerts.get(actor, clientId, alertId)));
        model.addAttribute("actions", RiskAlert.Action.values());
        model.addAttribute("safetyPlan", BuiltInWorksheets.SAFETY_PLAN);
        model.addAttribute("mayAssign", access.mayChange(actor, client));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "measures/alert";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @PostMapping("/clients/{clientId}/alerts/{alertId}/acknowledgement")
    String acknowledge(Actor actor, @PathVariable UUID clientId, @PathVariable UUID alertId,
            @RequestParam(required = false) RiskAlert.Action action, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            alerts.acknowledge(actor, clientId, alertId, action, note);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("form", Map.of("action", action == null ? "" : action.name(), "note", note));
            return alert(actor, clientId, alertId, model);
        }
        redirect.addFlashAttribute("notice", "Alert acknowledged: " + action.words() + ".");
        return "redirect:/clients/" + clientId + "/alerts/" + alertId;
    }

    /** Clinicians: the open alerts of their caseload. Admins: the practice's escalated alerts, names only. */
    @Access(AccessRule.STAFF)
    @GetMapping("/alerts")
    String list(Actor actor, Model model) {
        List<AlertViews.AlertView> mine = new ArrayList<>();
        if (actor.has(Role.CLINICIAN)) {
            List<ClientRecord> clients = caseload.mine(actor);
            Map<UUID, ClientRecord> byId = new HashMap<>();
            clients.forEach(c -> byId.put(c.id(), c));
            for (RiskAlert a : alerts.openFor(actor.practiceId(), byId.keySet())) {
                ClientRecord client = access.readClinical(actor, a.clientId(), "risk alerts list");
                mine.add(views.view(client, a));
            }
        }
        List<Escalated> escalated = new ArrayList<>();
        if (actor.has(Role.ADMIN)) {
            ZoneId zone = zones.zoneOf(actor.practiceId());
            for (RiskAlert a : alerts.escalated(actor)) {
                ClientRecord client = access.administrative(actor, a.clientId(), "escalated risk alert (name only)");
                escalated.add(new Escalated(a, client.displayName(), Dates.when(a.raisedAt(), zone),
                        Dates.when(a.escalatedAt(), zone), access.teamRole(actor, client).isPresent()));
            }
        }
        model.addAttribute("mine", mine);
        model.addAttribute("escalated", escalated);
        return "measures/alerts";
    }
}
