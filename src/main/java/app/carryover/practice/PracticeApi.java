package app.carryover.practice;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The JSON API for the signed-in person, the practice and its staff. */
@RestController
@RequestMapping("/api/v1")
class PracticeApi {

    record Me(UUID accountId, UUID practiceId, String email, String displayName, Set<Role> roles, UUID clientId) {
    }

    record StaffInvitation(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<Role> roles) {
    }

    record Invited(UUID accountId) {
    }

    record Settings(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone,
            @NotNull Boolean requireSecondFactor, Integer backdateDays, @Size(max = 2000) String emergencyContacts) {
    }

    private final Practices practices;
    private final Invitations invitations;

    PracticeApi(Practices practices, Invitations invitations) {
        this.practices = practices;
        this.invitations = invitations;
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/me")
    Me me(Actor actor) {
        return new Me(actor.accountId(), actor.practiceId(), actor.email(), actor.displayName(), actor.roles(),
                actor.clientId());
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/practice")
    Practices.PracticeView practice(Actor actor) {
        return practices.of(actor);
    }

    @Access(AccessRule.ADMIN)
    @PutMapping("/practice/settings")
    Practices.PracticeView settings(Actor actor, @Valid @RequestBody Settings settings) {
        Practices.PracticeView current = practices.of(actor);
        return practices.updateSettings(actor, settings.name(), settings.timeZone(), settings.requireSecondFactor(),
                settings.backdateDays() == null ? current.backdateDays() : settings.backdateDays(),
                settings.emergencyContacts() == null ? current.emergencyContacts() : settings.emergencyContacts());
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/staff")
    List<Practices.Person> staff(Actor actor) {
        return practices.staff(actor);
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/staff/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invited inviteStaff(Actor actor, @Valid @RequestBody StaffInvitation invitation) {
        if (invitation.roles().contains(Role.CLIENT)) {
            throw ProblemException.invalid("roles",
                    "clients are invited by their clinician through /api/v1/clients");
        }
        return new Invited(invitations.invite(actor, invitation.email(), invitation.displayName(), invitation.roles()).accountId());
    }
}
