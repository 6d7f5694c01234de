package app.carryover.homework;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** The homework standard report over the JSON API; who sees whose figures is decided in the service. */
@RestController
class HomeworkStandardApi {

    private final HomeworkStandard standard;

    HomeworkStandardApi(HomeworkStandard standard) {
        this.standard = standard;
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/api/v1/homework-standard")
    HomeworkStandard.Report report(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return standard.report(actor, HomeworkStandardPages.month("from", from), HomeworkStandardPages.month("to", to), false);
    }
}
