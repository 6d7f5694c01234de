package app.carryover.client;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** The client's first page: what is due today. */
@Controller
class TodayController {

    private final ClientAccess access;
    private final Practices practices;

    TodayController(ClientAccess access, Practices practices) {
        this.access = access;
        this.practices = practices;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today")
    String today(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "today");
        model.addAttribute("client", client);
        model.addAttribute("practiceName", practices.of(actor).name());
        return "client/today";
    }
}
