package app.carryover.progress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.measures.Instrument;
import app.carryover.measures.Instruments;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.WorksheetCategory;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Progress pages: a client's scores and practice as pictures with tables beside them (for the care
 * team, and a simpler one for the client on a phone), each chart downloadable as SVG; and adherence
 * set against outcome over a clinician's caseload or the whole practice, with its CSV export.
 */
@Controller
class ProgressPages {

    private final ClientProgress progress;
    private final OutcomeAssociation association;
    private final ClientAccess access;
    private final Caseload caseload;
    private final Instruments instruments;
    private final AuditTrail audit;

    ProgressPages(ClientProgress progress, OutcomeAssociation association, ClientAccess access, Caseload caseload,
            Instruments instruments, AuditTrail audit) {
        this.progress = progress;
        this.association = association;
        this.access = access;
        this.caseload = caseload;
        this.instruments = instruments;
        this.audit = audit;
    }

    // ---- one client

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/progress")
    String client(Actor actor, @PathVariable UUID clientId, Model model) {
        ClientRecord client = access.readClinical(actor, clientId, "progress page");
        model.addAttribute("view", progress.of(client, false));
        model.addAttribute("client", client);
        return "progress/client";
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/progress/{chart}.svg")
    ResponseEntity<String> clientChart(Actor actor, @PathVariable UUID clientId, @PathVariable String chart) {
        ClientRecord client = access.readClinical(actor, clientId, "progress chart");
        return svg(progress.of(client, false), chart, client.displayName());
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/progress")
    String mine(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "my progress page");
        model.addAttribute("view", progress.of(client, true));
        return "progress/mine";
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/progress/{chart}.svg")
    ResponseEntity<String> myChart(Actor actor, @PathVariable String chart) {
        ClientRecord client = access.read(actor, actor.clientId(), "my progress chart");
        return svg(progress.of(client, true), chart, "my");
    }

    private static ResponseEntity<String> svg(ClientProgress.View view, String chart, String who) {
        String body = "adherence".equals(chart) ? view.adherenceSvg()
                : view.series(chart.toUpperCase(Locale.ROOT)).map(ClientProgress.Series::svg)
                        .or(() -> view.series(chart).map(ClientProgress.Series::svg)).orElse(null);
        if (body == null) {
            throw ProblemException.notFound("Chart");
        }
        String file = (who + "-" + chart).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + ".svg";
        return ResponseEntity.ok().contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }

    // ---- adherence against outcome

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/caseload/progress")
    String caseloadAssociation(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category,
            Model model, HttpServletResponse response) {
        return associationPage(actor, caseload.mine(actor), "caseload", instrument, weeks, category, model, response);
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/progress")
    String practiceAssociation(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category,
            Model model, HttpServletResponse response) {
        return associationPage(actor, caseload.everyone(actor), "practice", instrument, weeks, category, model, response);
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/caseload/progress.csv")
    ResponseEntity<String> caseloadCsv(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "pseudonymised") String ids) {
        if (!ids.equals("pseudonymised") && !ids.equals("record")) {
            throw ProblemException.invalid("ids", "is pseudonymised or record");
        }
        return csv(actor, caseload.mine(actor), "caseload", filter(instrument, weeks, category), ids.equals("record"));
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/progress.csv")
    ResponseEntity<String> practiceCsv(Actor actor, @RequestParam(defaultValue = "PHQ9") String instrument,
            @RequestParam(defaultValue = "26") String weeks, @RequestParam(defaultValue = "") String category) {
        return csv(actor, caseload.everyone(actor), "practice", filter(instrument, weeks, category), false);
    }

    private String associationPage(Actor actor, List<ClientRecord> group, String scope, String instrument, String weeks,
            String category, Model model, HttpServletResponse response) {
        model.addAttribute("scope", scope);
        model.addAttribute("form", Map.of("instrument", instrument, "weeks", weeks, "category", category));
        model.addAttribute("instruments", instruments.available(actor.practiceId()).stream().filter(Instrument::hasTotal).toList());
        model.addAttribute("categories", WorksheetCategory.values());
        model.addAttribute("quickLog", OutcomeAssociation.QUICK_LOG);
        model.addAttribute("reference", OutcomeAssociation.REFERENCE);
        try {
            OutcomeAssociation.Result result = association.over(actor.practiceId(), group, filter(instrument, weeks, category));
            audit.record(AuditEntry.by(actor, null, AuditAction.READ, "adherence against outcome (" + scope + ")", null,
                    result.clients() + " clients, " + result.rows().size() + " with data"));
            model.addAttribute("result", result);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("result", null);
        }
        return "progress/association";
    }

    private ResponseEntity<String> csv(Actor actor, List<ClientRecord> group, String scope, OutcomeAssociation.Filter filter,
            boolean recordIds) {
        OutcomeAssociation.Result result = association.over(actor.practiceId(), group, filter);
        audit.record(AuditEntry.by(actor, null, AuditAction.EXPORT, "adherence against outcome CSV (" + scope + ")", null,
                result.rows().size() + " rows, " + (recordIds ? "record ids" : "pseudonymised")));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"adherence-outcome-" + scope + "-"
                        + result.instrument().key().toLowerCase(Locale.ROOT) + "-" + result.to() + ".csv\"")
                .body(AssociationCsv.write(result, recordIds));
    }

    /** A filter from form or query text; a number that is not one is refused by the range check. */
    static OutcomeAssociation.Filter filter(String instrument, String weeks, String category) {
        int w;
        try {
            w = Integer.parseInt(weeks.strip());
        } catch (NumberFormatException e) {
            w = -1;
        }
        return new OutcomeAssociation.Filter(instrument.strip(), w, category.isBlank() ? null : category.strip());
    }
}
