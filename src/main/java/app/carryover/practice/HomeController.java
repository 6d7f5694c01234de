package app.carryover.practice;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Role;

/** The address everyone lands on after signing in: the first page of their main role. */
@Controller
class HomeController {

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/")
    String home(Actor actor) {
        if (actor.has(Role.CLINICIAN)) {
            return "redirect:/caseload";
        }
        if (actor.has(Role.ADMIN)) {
            return "redirect:/admin/people";
        }
        return "redirect:/today";
    }
}
