package app.carryover.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The JSON API for client records (names and schedules; clinical content lives in its own modules). */
@RestController
@RequestMapping("/api/v1/clients")
class CaseloadApi {

    record ClientView(UUID id, String displayName, String timeZone, String status, Instant createdAt) {
        static ClientView of(ClientRecord c) {
            return new ClientView(c.id(), c.displayName(), c.timeZone().getId(), c.status().name(), c.createdAt());
        }
    }

    record ClientInvitation(@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 64) String timeZone) {
    }

    private final Caseload caseload;
    private final ClientAccess access;

    CaseloadApi(Caseload caseload, ClientAccess access) {
        this.caseload = caseload;
        this.access = access;
    }

    /** A clinician's caseload; for an admin who is not a clinician, every client of the practice. */
    @Access(AccessRule.STAFF)
    @GetMapping
    List<ClientView> list(Actor actor) {
        List<ClientRecord> clients = actor.has(Role.CLINICIAN) ? caseload.mine(actor) : caseload.everyone(actor);
        return clients.stream().map(ClientView::of).toList();
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientView invite(Actor actor, @Valid @RequestBody ClientInvitation invitation) {
        return ClientView.of(caseload.invite(actor, invitation.displayName(), invitation.email(), invitation.timeZone()).client());
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/{clientId}")
    ClientView one(Actor actor, @PathVariable UUID clientId) {
        return ClientView.of(access.administrative(actor, clientId, "client record"));
    }
}
