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
import app.carryover.system.ProblemException;

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
    String verify(Actor actor, @RequestParam(required = false) Long seal, @RequestParam(required = false) String head,
            Model model) {
        AuditLog.PublishedHead published = null;
        try {
            published = published(seal, head);
        } catch (ProblemException e) {
            model.addAttribute("headError", e.fields().get(0).message());
        }
        model.addAttribute("result", log.verify(actor, published));
        model.addAttribute("seal", seal);
        model.addAttribute("head", head);
        return "audit/verify";
    }

    /** A head published earlier, when both halves were given; a head that is not hex is refused by name. */
    static AuditLog.PublishedHead published(Long seal, String head) {
        if (seal == null && (head == null || head.isBlank())) {
            return null;
        }
        if (seal == null || seal < 1) {
            throw ProblemException.invalid("seal", "Give the number of the published seal (1 or more).");
        }
        if (head == null || !head.trim().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.invalid("head", "Give the published head: 64 hexadecimal characters.");
        }
        return new AuditLog.PublishedHead(seal, head.trim());
    }
}
