package app.carryover.worksheets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.PracticeZones;
import jakarta.servlet.http.HttpServletResponse;

/** The clinician's worksheet library: the list, a preview as the client sees it, and blank printable copies. */
@Controller
class WorksheetPages {

    /** A line of the versions list, dated in the practice's time zone. */
    record VersionLine(String key, int version, String date, String by) {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

        static VersionLine of(WorksheetVersion v, ZoneId zone) {
            return new VersionLine(v.key(), v.version(), DATE.format(v.createdAt().atZone(zone)), v.createdByName());
        }
    }

    private final WorksheetLibrary library;
    private final PracticeZones zones;

    WorksheetPages(WorksheetLibrary library, PracticeZones zones) {
        this.library = library;
        this.zones = zones;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets")
    String library(Actor actor, Model model) {
        List<WorksheetSummary> all = library.available(actor);
        model.addAttribute("builtIns", all.stream().filter(WorksheetSummary::builtIn).toList());
        model.addAttribute("shared", all.stream().filter(w -> !w.builtIn() && w.shared()).toList());
        model.addAttribute("own", all.stream().filter(w -> !w.builtIn() && !w.shared()).toList());
        return "worksheets/library";
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/{worksheetKey}")
    String latest(Actor actor, @PathVariable String worksheetKey) {
        WorksheetSummary summary = library.summary(actor, worksheetKey);
        return "redirect:/worksheets/" + summary.key() + "/versions/" + summary.latestVersion();
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/{worksheetKey}/versions/{version}")
    String preview(Actor actor, @PathVariable String worksheetKey, @PathVariable int version, Model model) {
        WorksheetDefinition definition = library.version(actor, worksheetKey, version);
        return previewPage(actor, definition, WorksheetForms.model(definition, null, null), model);
    }

    /**
     * The preview's form posted back: to htmx (a change that shows or hides items, a row added or
     * removed) the form fragment again; to "Check my answers" the whole page with the answers checked
     * as a complete entry. Nothing is stored.
     */
    @Access(AccessRule.CLINICIAN)
    @PostMapping("/worksheets/{worksheetKey}/versions/{version}/preview")
    String refreshPreview(Actor actor, @PathVariable String worksheetKey, @PathVariable int version,
            @RequestParam MultiValueMap<String, String> posted,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        WorksheetDefinition definition = library.version(actor, worksheetKey, version);
        Map<String, List<String>> fields = new LinkedHashMap<>(posted);
        if (htmx != null || WorksheetForms.isRowChange(fields) || !fields.containsKey("_check")) {
            WorksheetForm form = WorksheetForms.posted(definition, fields, null);
            if (htmx == null) {
                return previewPage(actor, definition, form, model);
            }
            model.addAttribute("worksheetForm", form);
            model.addAttribute("refreshUrl", refreshUrl(definition));
            return "worksheets/form-refresh";
        }
        AnswerCheck check = FormAnswers.complete(definition, fields);
        if (check.isValid()) {
            model.addAttribute("notice", "These answers would be accepted. Nothing was saved: this is a preview.");
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return previewPage(actor, definition, WorksheetForms.posted(definition, fields, check.errors()), model);
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/{worksheetKey}/versions/{version}/print")
    ResponseEntity<byte[]> print(Actor actor, @PathVariable String worksheetKey, @PathVariable int version) {
        WorksheetDefinition definition = library.version(actor, worksheetKey, version);
        byte[] pdf = WorksheetPdf.blank(definition, PrintOptions.none());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(definition.key() + "-v" + definition.version() + ".pdf").build().toString())
                .body(pdf);
    }

    private String previewPage(Actor actor, WorksheetDefinition definition, WorksheetForm form, Model model) {
        WorksheetSummary summary = library.summary(actor, definition.key());
        model.addAttribute("definition", definition);
        model.addAttribute("summary", summary);
        model.addAttribute("mine", summary.ownedBy(actor));
        ZoneId zone = zones.zoneOf(actor.practiceId());
        model.addAttribute("versions", library.versions(actor, definition.key()).stream().map(v -> VersionLine.of(v, zone))
                .toList());
        model.addAttribute("worksheetForm", form);
        model.addAttribute("refreshUrl", refreshUrl(definition));
        return "worksheets/preview";
    }

    static String refreshUrl(WorksheetDefinition definition) {
        return "/worksheets/" + definition.key() + "/versions/" + definition.version() + "/preview";
    }
}
