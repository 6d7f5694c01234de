package app.carryover.caseload;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The admin's list of every client (names and status only) and each client's care team. */
@Controller
class AdminClientsController {

    record TeamLine(UUID clinicianId, String name, TeamRole role) {
    }

    private final Caseload caseload;
    private final CareTeams teams;
    private final ClientAccess access;
    private final ClientRepository clients;
    private final Practices practices;
    private final Consents consents;
    private final java.time.Clock clock;

    AdminClientsController(Caseload caseload, CareTeams teams, ClientAccess access, ClientRepository clients,
            Practices practices, Consents consents, java.time.Clock clock) {
        this.clock = clock;
        this.caseload = caseload;
        this.teams = teams;
        this.access = access;
        this.clients = clients;
        this.practices = practices;
        this.consents = consents;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/clients")
    String clients(Actor actor, Model model) {
        List<ClientRecord> all = caseload.everyone(actor);
        model.addAttribute("clients", all);
        model.addAttribute("notAccepted", caseload.notYetAccepted(actor));
        return "caseload/admin-clients";
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/clients/{clientId}/team")
    String team(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.administrative(actor, clientId, "care team");
        List<TeamLine> team = clients.team(client.practiceId(), client.id()).stream()
                .map(m -> new TeamLine(m.clinicianId(), practices.person(client.practiceId(), m.clinicianId())
                        .map(Practices.Person::displayName).orElse("(unknown)"), m.role()))
                .toList();
        model.addAttribute("client", client);
        model.addAttribute("team", team);
        model.addAttribute("clinicians", actor.has(app.carryover.system.Role.ADMIN) ? practices.clinicians(actor) : List.of());
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("termsWithdrawn", consents.hasWithdrawnTerms(client.practiceId(), client.id()));
        boolean mayChange = actor.has(app.carryover.system.Role.ADMIN)
                || access.teamRole(actor, client).map(TeamRole::canChange).orElse(false);
        model.addAttribute("mayDischarge", mayChange);
        java.util.Optional<app.carryover.practice.Invitations.Open> invitation = caseload.openInvitation(actor, clientId);
        model.addAttribute("invitation", invitation.orElse(null));
        model.addAttribute("invitationExpired", invitation.map(i -> i.expired(clock.instant())).orElse(false));
        model.addAttribute("mayChangeInvitation", mayChange && invitation.isPresent());
        if (!model.containsAttribute("invitationEmail")) {
            model.addAttribute("invitationEmail", invitation.map(app.carryover.practice.Invitations.Open::email).orElse(""));
        }
        return "caseload/team";
    }

    @Access(AccessRule.STAFF)
    @PostMapping("/clients/{clientId}/invitation/resend")
    String resendInvitation(Actor actor, @PathVariable UUID clientId, @RequestParam(defaultValue = "") String email,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            caseload.resendInvitation(actor, clientId, email);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("invitationEmail", email);
            return team(actor, clientId, model);
        }
        redirect.addFlashAttribute("notice", "A new invitation link was sent"
                + (email.isBlank() ? "" : " to " + email.trim()) + "; earlier links no longer work.");
        return "redirect:/clients/" + clientId + "/team";
    }

    @Access(AccessRule.STAFF)
    @PostMapping("/clients/{clientId}/invitation/withdraw")
    String withdrawInvitation(Actor actor, @PathVariable UUID clientId, RedirectAttributes redirect) {
        String name = access.administrative(actor, clientId, "invitation").displayName();
        caseload.withdrawInvitation(actor, clientId);
        redirect.addFlashAttribute("notice", "Invitation of " + name + " withdrawn: the link no longer works and the"
                + " record was removed.");
        return actor.has(app.carryover.system.Role.ADMIN) ? "redirect:/admin/clients" : "redirect:/caseload";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/clients/{clientId}/team")
    String assign(Actor actor, @PathVariable UUID clientId, @RequestParam UUID clinicianId, @RequestParam TeamRole role,
            RedirectAttributes redirect) {
        teams.assign(actor, clientId, clinicianId, role);
        redirect.addFlashAttribute("notice", "Care team updated.");
        return "redirect:/clients/" + clientId + "/team";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/clients/{clientId}/team/{clinicianId}/remove")
    String remove(Actor actor, @PathVariable UUID clientId, @PathVariable UUID clinicianId, RedirectAttributes redirect) {
        teams.remove(actor, clientId, clinicianId);
        redirect.addFlashAttribute("notice", "Removed from the care team.");
        return "redirect:/clients/" + clientId + "/team";
    }

    @Access(AccessRule.STAFF)
    @PostMapping("/clients/{clientId}/discharge")
    String discharge(Actor actor, @PathVariable UUID clientId, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            // Discharge closes homework and stops all contact at once: say so and ask first.
            model.addAttribute("client", caseload.checkDischarge(actor, clientId, note.isBlank() ? null : note));
            model.addAttribute("note", note.isBlank() ? null : note);
            return "caseload/discharge";
        }
        caseload.discharge(actor, clientId, note.isBlank() ? null : note);
        redirect.addFlashAttribute("notice", "Discharged. The record is read-only and all contact has stopped.");
        return "redirect:/clients/" + clientId + "/team";
    }

    @Access(AccessRule.STAFF)
    @PostMapping("/clients/{clientId}/readmit")
    String readmit(Actor actor, @PathVariable UUID clientId, RedirectAttributes redirect) {
        caseload.readmit(actor, clientId);
        redirect.addFlashAttribute("notice", "Readmitted. The record is open again.");
        return "redirect:/clients/" + clientId + "/team";
    }
}
