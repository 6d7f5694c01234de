package app.carryover.caseload;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The client's consents over the API: read the terms and decisions, give or withdraw each kind. */
@RestController
@RequestMapping("/api/v1/me/consents")
class ConsentApi {

    record ConsentState(Consents.Document terms, boolean acceptedCurrentTerms, Map<ConsentKind, Consents.Decision> decisions) {
    }

    record Decide(@NotNull Boolean given) {
    }

    private final Consents consents;
    private final ClientAccess access;

    ConsentApi(Consents consents, ClientAccess access) {
        this.consents = consents;
        this.access = access;
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping
    ConsentState state(Actor actor) {
        ClientRecord client = access.read(actor, actor.clientId(), "consent");
        return new ConsentState(consents.currentTerms(client.practiceId()),
                consents.hasAcceptedCurrentTerms(client.practiceId(), client.id()),
                consents.decisions(client.practiceId(), client.id()));
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @PutMapping("/{kind}")
    ConsentState decide(Actor actor, @PathVariable ConsentKind kind, @Valid @RequestBody Decide decide) {
        consents.decide(actor, kind, decide.given());
        return state(actor);
    }
}
