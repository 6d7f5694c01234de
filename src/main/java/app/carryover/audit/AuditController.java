package app.carryover.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** The admin's audit pages: browse with filters, and verify the chain. */
@Controller
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/audit")
    String browse(Actor actor, @RequestParam(required = false) UUID actor_id, @RequestParam(required = false) UUID client,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        AuditLog.Filter filter = new AuditLog.Filter(actor_id, client, action,
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        model.addAttribute("rows", log.browse(actor, filter, 500));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", filter);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        return "audit/audit";
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/audit/verify")
    String verify(Actor actor, Model model) {
        model.addAttribute("result", log.verify(actor));
        return "audit/verify";
    }
}
