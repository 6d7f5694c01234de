package app.carryover.caseload;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Clients' data rights on pages: a client downloads their data and asks for its erasure from their
 * privacy settings (also after discharge); the care team downloads the full record and decides an
 * erasure request; admins set the retention period and see what the retention job did.
 */
@Controller
class DataRightsController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ClientDataExport exports;
    private final Erasures erasures;
    private final Retention retention;
    private final ClientAccess access;

    DataRightsController(ClientDataExport exports, Erasures erasures, Retention retention, ClientAccess access) {
        this.exports = exports;
        this.erasures = erasures;
        this.retention = retention;
        this.access = access;
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping("/settings/privacy/my-data.json")
    ResponseEntity<byte[]> ownJson(Actor actor) {
        ClientDataExport.Export export = exports.own(actor, "JSON");
        return download(exports.json(export), MediaType.APPLICATION_JSON, "carryover-my-data-" + DAY.format(export.madeAt()) + ".json");
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @GetMapping("/settings/privacy/my-data.pdf")
    ResponseEntity<byte[]> ownPdf(Actor actor) {
        ClientDataExport.Export export = exports.own(actor, "PDF");
        return download(exports.pdf(export), MediaType.APPLICATION_PDF, "carryover-my-data-" + DAY.format(export.madeAt()) + ".pdf");
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @PostMapping("/settings/privacy/erasure")
    String requestErasure(Actor actor, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            Erasures.Request request = erasures.request(actor, reason);
            redirect.addFlashAttribute("notice", request.status() == Erasures.Status.HELD
                    ? "Your request is recorded. It is held for your clinician to review with you before a decision."
                    : "Your request is recorded. Your clinician will decide and you will see the answer here.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("erasureError", e.getMessage());
            redirect.addFlashAttribute("erasureReason", reason);
        }
        return "redirect:/settings/privacy";
    }

    @Access(AccessRule.CLIENT_SELF)
    @BeforeConsent
    @PostMapping("/settings/privacy/erasure/withdraw")
    String withdrawErasure(Actor actor, RedirectAttributes redirect) {
        try {
            erasures.withdraw(actor);
            redirect.addFlashAttribute("notice", "Your erasure request is withdrawn.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("erasureError", e.getMessage());
        }
        return "redirect:/settings/privacy";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/record.json")
    ResponseEntity<byte[]> fullJson(Actor actor, @PathVariable UUID clientId) {
        ClientDataExport.Export export = exports.fullRecord(actor, clientId, "JSON");
        return download(exports.json(export), MediaType.APPLICATION_JSON, "carryover-record-" + clientId + ".json");
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/record.pdf")
    ResponseEntity<byte[]> fullPdf(Actor actor, @PathVariable UUID clientId) {
        ClientDataExport.Export export = exports.fullRecord(actor, clientId, "PDF");
        return download(exports.pdf(export), MediaType.APPLICATION_PDF, "carryover-record-" + clientId + ".pdf");
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/clients/{clientId}/erasure")
    String erasure(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.administrative(actor, clientId, "erasure request");
        model.addAttribute("client", client);
        model.addAttribute("request", erasures.of(actor, clientId).orElse(null));
        model.addAttribute("mayDecide", erasures.mayDecide(actor, client));
        model.addAttribute("retentionYears", retention.years(client.practiceId()));
        return "caseload/erasure";
    }

    @Access(AccessRule.STAFF)
    @PostMapping("/clients/{clientId}/erasure")
    String decide(Actor actor, @PathVariable UUID clientId, @RequestParam String decision,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!decision.equals("approve") && !decision.equals("decline")) {
            throw ProblemException.invalid("decision", "must be approve or decline");
        }
        try {
            Erasures.Request decided = erasures.decide(actor, clientId, decision.equals("approve"), reason);
            redirect.addFlashAttribute("notice", decided.status() == Erasures.Status.APPROVED
                    ? "Approved. The client is discharged; the record is erased after the retention period."
                    : "Declined. The client sees your reason on their privacy page.");
            return "redirect:/clients/" + clientId + "/erasure";
        } catch (ProblemException e) {
            if (e.status().is5xxServerError() || e.status().value() == 404) {
                throw e;
            }
            FormErrors.reject(e, model, response);
            model.addAttribute("reason", reason);
            model.addAttribute("problem", e.getMessage());
            return erasure(actor, clientId, model);
        }
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/retention")
    String retentionPage(Actor actor, Model model) {
        model.addAttribute("policy", retention.policy(actor));
        model.addAttribute("pending", erasures.pending(actor));
        model.addAttribute("runs", retention.runs(actor, 10));
        if (!model.containsAttribute("years")) {
            model.addAttribute("years", retention.policy(actor).years());
        }
        return "caseload/admin-retention";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/retention")
    String setRetention(Actor actor, @RequestParam(required = false) String years, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Integer value = years == null || !years.strip().matches("\\d{1,3}") ? null : Integer.valueOf(years.strip());
            retention.setYears(actor, value);
            redirect.addFlashAttribute("notice", "Saved: records are kept " + value + " years after discharge.");
            return "redirect:/admin/retention";
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("years", years);
            return retentionPage(actor, model);
        }
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/retention/run")
    String runRetention(Actor actor, RedirectAttributes redirect) {
        Retention.Run run = retention.runNow(actor);
        redirect.addFlashAttribute("notice", "Retention run: " + run.detail() + ".");
        return "redirect:/admin/retention";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
