package app.carryover.worksheets.builder;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.DefinitionProblem;
import app.carryover.worksheets.WorksheetAuthoring;
import app.carryover.worksheets.WorksheetCategory;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetForms;
import app.carryover.worksheets.WorksheetLibrary;
import app.carryover.worksheets.WorksheetSummary;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The form builder: a clinician makes a worksheet from scratch or from a copy, or edits their own,
 * with no JSON to type. Every button is a server round trip (htmx swaps the form in place; without
 * script the page reloads); saving checks the whole definition with the format's rules and shows
 * each problem at its field; saving an edit stores a new version and leaves the old ones as they were.
 */
@Controller
class WorksheetBuilder {

    /** A choice in one of the builder's selects. */
    record Option(String value, String label) {
    }

    private final WorksheetLibrary library;
    private final WorksheetAuthoring authoring;

    WorksheetBuilder(WorksheetLibrary library, WorksheetAuthoring authoring) {
        this.library = library;
        this.authoring = authoring;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/new")
    String blank(Actor actor, Model model) {
        return page(actor, BuilderDraft.blank(), List.of(), null, model);
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/{worksheetKey}/versions/{version}/copy")
    String copy(Actor actor, @PathVariable String worksheetKey, @PathVariable int version, Model model) {
        WorksheetDefinition definition = library.version(actor, worksheetKey, version);
        BuilderDraft draft = BuilderDraft.of(definition,
                new BuilderDraft.Origin(null, null, definition.key(), definition.version()));
        return page(actor, draft, List.of(), null, model);
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/worksheets/{worksheetKey}/edit")
    String edit(Actor actor, @PathVariable String worksheetKey, Model model) {
        requireOwner(actor, worksheetKey);
        WorksheetDefinition latest = library.latest(actor, worksheetKey);
        BuilderDraft draft = BuilderDraft.of(latest, new BuilderDraft.Origin(latest.key(), latest.version(), null, null));
        return page(actor, draft, List.of(), null, model);
    }

    /** A button of the builder (add, remove, move, preview) or a change of type: the form again, nothing stored. */
    @Access(AccessRule.CLINICIAN)
    @PostMapping("/worksheets/builder")
    String roundTrip(Actor actor, @RequestParam MultiValueMap<String, String> posted, Model model,
            HttpServletResponse response) {
        BuilderDraft draft = BuilderDraft.read(posted);
        if (draft.origin().editing()) {
            requireOwner(actor, draft.origin().key());
        }
        // keys first, so an action can name a question typed in since the last round trip
        BuilderDocument.withKeys(draft);
        String focus = BuilderActions.apply(draft, posted.getFirst("action"));
        BuilderDocument.withKeys(draft);
        if ("preview".equals(posted.getFirst("action"))) {
            try {
                WorksheetDefinition definition = WorksheetAuthoring.parse(BuilderDocument.document(draft),
                        draft.origin().editing() ? draft.origin().key() : "custom-preview", 1);
                model.addAttribute("previewDefinition", definition);
                model.addAttribute("previewForm", WorksheetForms.model(definition, null, null));
            } catch (ProblemException refused) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return page(actor, draft, problems(refused), "builder-problems", model);
            }
            focus = "builder-preview";
        }
        return page(actor, draft, List.of(), focus, model);
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/worksheets")
    String create(Actor actor, @RequestParam MultiValueMap<String, String> posted, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        BuilderDraft draft = BuilderDocument.withKeys(BuilderDraft.read(posted));
        WorksheetDefinition saved;
        try {
            saved = authoring.create(actor, BuilderDocument.document(draft), new WorksheetAuthoring.Origin(
                    draft.origin().copiedFromKey(), draft.origin().copiedFromVersion()));
        } catch (ProblemException refused) {
            return refused(actor, draft, refused, model, response);
        }
        redirect.addFlashAttribute("notice", "Saved as a new worksheet. Only you can use it until you share it.");
        return "redirect:/worksheets/" + saved.key() + "/versions/" + saved.version();
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/worksheets/{worksheetKey}/versions")
    String newVersion(Actor actor, @PathVariable String worksheetKey,
            @RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        BuilderDraft read = BuilderDocument.withKeys(BuilderDraft.read(posted));
        BuilderDraft draft = new BuilderDraft(read.title(), read.category(), read.purpose(), read.clientInstructions(),
                read.clinicianGuidance(), read.dose(), read.items(), read.values(),
                new BuilderDraft.Origin(worksheetKey, read.origin().basedOn(), null, null));
        WorksheetDefinition saved;
        try {
            saved = authoring.newVersion(actor, worksheetKey, BuilderDocument.document(draft), draft.origin().basedOn());
        } catch (ProblemException refused) {
            return refused(actor, draft, refused, model, response);
        }
        redirect.addFlashAttribute("notice", "Saved as version " + saved.version()
                + ". Entries made with earlier versions keep theirs.");
        return "redirect:/worksheets/" + saved.key() + "/versions/" + saved.version();
    }

    @Access(AccessRule.CLINICIAN)
    @PostMapping("/worksheets/{worksheetKey}/share")
    String share(Actor actor, @PathVariable String worksheetKey, @RequestParam(defaultValue = "true") boolean shared,
            RedirectAttributes redirect) {
        authoring.share(actor, worksheetKey, shared);
        WorksheetSummary summary = library.summary(actor, worksheetKey);
        redirect.addFlashAttribute("notice", shared ? "Shared: every clinician of your practice can now use it."
                : "No longer shared: only you can use it. Assignments already made keep it.");
        return "redirect:/worksheets/" + summary.key() + "/versions/" + summary.latestVersion();
    }

    /** A refused save: the builder again with each problem at its field (400), or the conflict said plainly (409). */
    private String refused(Actor actor, BuilderDraft draft, ProblemException refused, Model model,
            HttpServletResponse response) {
        if (refused.fields().isEmpty() && refused.status() != HttpStatus.CONFLICT) {
            throw refused;
        }
        response.setStatus(refused.status().value());
        List<DefinitionProblem> problems = refused.fields().isEmpty()
                ? List.of(new DefinitionProblem("", refused.getMessage())) : problems(refused);
        return page(actor, draft, problems, "builder-problems", model);
    }

    private static List<DefinitionProblem> problems(ProblemException refused) {
        return refused.fields().stream()
                .map(f -> new DefinitionProblem("body".equals(f.field()) ? "" : f.field(), f.message())).toList();
    }

    private void requireOwner(Actor actor, String key) {
        WorksheetSummary summary = library.summary(actor, key);
        if (summary.builtIn() || !summary.ownedBy(actor)) {
            throw ProblemException.forbidden(summary.builtIn()
                    ? "Built-in worksheets do not change; make a copy and edit that."
                    : "Only " + summary.ownerName() + ", who made this worksheet, can change it; make a copy to edit your own.");
        }
    }

    private String page(Actor actor, BuilderDraft draft, List<DefinitionProblem> problems, String focus, Model model) {
        BuilderDraft.Origin origin = draft.origin();
        String heading = "New worksheet";
        String saveUrl = "/worksheets";
        if (origin.editing()) {
            WorksheetSummary summary = library.summary(actor, origin.key());
            heading = "Edit “" + summary.title() + "” (saving makes version " + (summary.latestVersion() + 1) + ")";
            saveUrl = "/worksheets/" + origin.key() + "/versions";
        } else if (origin.copiedFromKey() != null) {
            heading = "Your copy of “" + library.summary(actor, origin.copiedFromKey()).title() + "”";
        }
        model.addAttribute("heading", heading);
        model.addAttribute("saveUrl", saveUrl);
        model.addAttribute("builder", BuilderView.of(draft, problems, focus));
        model.addAttribute("categories", Arrays.stream(WorksheetCategory.values())
                .map(c -> new Option(c.code(), c.label())).toList());
        model.addAttribute("itemTypes", ITEM_TYPES);
        model.addAttribute("childTypes", ITEM_TYPES.stream().filter(o -> !o.value().equals("group")).toList());
        model.addAttribute("operators", OPERATORS);
        model.addAttribute("doseKinds", DOSE_KINDS);
        model.addAttribute("days", Arrays.stream(DayOfWeek.values()).map(d -> new Option(
                d.name().toLowerCase(Locale.ROOT), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))).toList());
        return "worksheets/builder";
    }

    private static final List<Option> ITEM_TYPES = List.of(new Option("short_text", "Short text"),
            new Option("long_text", "Long text"), new Option("number", "Number"),
            new Option("rating", "Rating scale (0–10 or 0–100)"), new Option("single_choice", "Choose one"),
            new Option("multiple_choice", "Choose any"), new Option("checklist", "Checklist"),
            new Option("yes_no", "Yes or no"), new Option("date", "Date"), new Option("time", "Time of day"),
            new Option("duration", "Minutes"), new Option("group", "Repeating group (several entries)"));

    private static final List<Option> OPERATORS = List.of(new Option("equals", "is / includes"),
            new Option("not_equals", "is not"), new Option("answered", "is answered"),
            new Option("not_answered", "is left empty"), new Option("greater_than", "is more than"),
            new Option("less_than", "is less than"), new Option("at_least", "is at least"),
            new Option("at_most", "is at most"));

    private static final List<Option> DOSE_KINDS = List.of(new Option("", "No suggestion"),
            new Option("per_day", "Times a day"), new Option("per_week", "Times a week"),
            new Option("per_period", "Times before the next session"), new Option("on_days", "On certain days"),
            new Option("on_trigger", "Each time something happens"));

}
