package app.carryover.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.format.DateTimeFormatter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.EntryDrafts;
import app.carryover.homework.EntryInput;
import app.carryover.homework.PracticeEntry;
import app.carryover.homework.PracticeLog;
import app.carryover.practice.Practices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.system.TypedForm;
import app.carryover.worksheets.AnswerCheck;
import app.carryover.worksheets.FieldError;
import app.carryover.worksheets.Answers;
import app.carryover.worksheets.FormAnswers;
import app.carryover.worksheets.PrintOptions;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetForm;
import app.carryover.worksheets.WorksheetForms;
import app.carryover.worksheets.WorksheetPdf;
import app.carryover.worksheets.WorksheetTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client filling an assignment's worksheet on their phone: the form follows their answers
 * (questions that depend on others appear as they answer), a draft is kept as they go, the server
 * checks the whole entry when sent and says what to fix beside each question. Blank and filled
 * copies print as PDF.
 */
@Controller
class WorksheetFillController {

    private static final DateTimeFormatter SAVED_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Assignments assignments;
    private final EntryDrafts drafts;
    private final PracticeLog log;
    private final Practices practices;
    private final ClientAccess access;
    private final Clock clock;

    private final app.carryover.system.Texts texts;
    private final WorksheetTexts worksheetTexts;

    WorksheetFillController(Assignments assignments, EntryDrafts drafts, PracticeLog log, Practices practices,
            ClientAccess access, Clock clock, app.carryover.system.Texts texts, WorksheetTexts worksheetTexts) {
        this.texts = texts;
        this.worksheetTexts = worksheetTexts;
        this.assignments = assignments;
        this.drafts = drafts;
        this.log = log;
        this.practices = practices;
        this.access = access;
        this.clock = clock;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/assignments/{assignmentId}/worksheet")
    String form(Actor actor, @PathVariable UUID assignmentId, Model model) {
        WorksheetDefinition definition = worksheetOf(actor, assignmentId);
        EntryDrafts.Draft draft = drafts.load(actor, assignmentId).orElse(null);
        Answers saved = draft == null ? null : Answers.parse(draft.answers());
        model.addAttribute("restoredFrom", draft == null ? null : savedAt(actor, draft));
        return page(actor, assignmentId, definition, WorksheetForms.model(definition, saved, null), UUID.randomUUID(), model);
    }

    /**
     * Keeps what the client has typed so far (the page sends it a moment after each change, and
     * when it is left); answers with a line saying when, for the page's status line.
     */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/worksheet/draft")
    String draft(Actor actor, @PathVariable UUID assignmentId, @RequestParam MultiValueMap<String, String> posted,
            Model model) {
        WorksheetDefinition definition = worksheetOf(actor, assignmentId);
        Map<String, List<String>> fields = new LinkedHashMap<>(posted);
        model.addAttribute("draftSaved", keepDraft(actor, assignmentId, definition, fields)
                .map(d -> savedAt(actor, d)).orElse(null));
        return "client/worksheet :: draftStatus";
    }

    /** Re-draws the form as the client answers (htmx), and keeps what they have so far as a draft. */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/worksheet/refresh")
    String refresh(Actor actor, @PathVariable UUID assignmentId, @RequestParam MultiValueMap<String, String> posted,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        WorksheetDefinition definition = worksheetOf(actor, assignmentId);
        Map<String, List<String>> fields = new LinkedHashMap<>(posted);
        keepDraft(actor, assignmentId, definition, fields);
        WorksheetForm form = WorksheetForms.posted(definition, fields, null);
        if (htmx == null) {
            return page(actor, assignmentId, definition, form, submission(fields), model);
        }
        model.addAttribute("worksheetForm", worksheetTexts.forReader(form, texts.locale()));
        model.addAttribute("refreshUrl", refreshUrl(assignmentId));
        return "worksheets/form-refresh";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/worksheet")
    String submit(Actor actor, @PathVariable UUID assignmentId, @RequestParam MultiValueMap<String, String> posted,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        WorksheetDefinition definition = worksheetOf(actor, assignmentId);
        Map<String, List<String>> fields = new LinkedHashMap<>(posted);
        if (WorksheetForms.isRowChange(fields)) {
            keepDraft(actor, assignmentId, definition, fields);
            return page(actor, assignmentId, definition, WorksheetForms.posted(definition, fields, null), submission(fields),
                    model);
        }
        AnswerCheck check = FormAnswers.complete(definition, fields);
        if (!check.isValid()) {
            keepDraft(actor, assignmentId, definition, fields);
            model.addAttribute("typed", TypedForm.of(request));
            response.setStatus(400);
            return page(actor, assignmentId, definition, WorksheetForms.posted(definition, fields, check.errors()),
                    submission(fields), model);
        }
        PracticeLog.Logged logged;
        try {
            logged = log.log(actor, assignmentId, new EntryInput(submission(fields), when(actor, fields), null, null,
                    check.accepted().toJson()));
        } catch (ProblemException e) {
            keepDraft(actor, assignmentId, definition, fields);
            List<FieldError> answerErrors = answerErrors(e);
            if (!answerErrors.isEmpty()) {
                response.setStatus(400);
                return page(actor, assignmentId, definition, WorksheetForms.posted(definition, fields, answerErrors),
                        submission(fields), model);
            }
            // the day and time fields of the page ("Which day was it?")
            FormErrors.reject(EarlierDays.asPageFields(e), model, response);
            return page(actor, assignmentId, definition, WorksheetForms.posted(definition, fields, null), submission(fields),
                    model);
        }
        drafts.discard(actor, assignmentId);
        return "redirect:/today?logged=" + logged.entry().id();
    }

    /** The client re-reads an entry's answers and corrects them, until their clinician has reviewed the practice. */
    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/history/entries/{entryId}/answers")
    String correction(Actor actor, @PathVariable UUID entryId, Model model) {
        PracticeEntry entry = worksheetEntry(actor, entryId);
        WorksheetDefinition definition = worksheetOf(entry);
        return correctionPage(actor, entry, definition,
                WorksheetForms.model(definition, Answers.parse(entry.answers()), null), model);
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/history/entries/{entryId}/answers/refresh")
    String refreshCorrection(Actor actor, @PathVariable UUID entryId, @RequestParam MultiValueMap<String, String> posted,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        PracticeEntry entry = worksheetEntry(actor, entryId);
        WorksheetDefinition definition = worksheetOf(entry);
        WorksheetForm form = WorksheetForms.posted(definition, new LinkedHashMap<>(posted), null);
        if (htmx == null) {
            return correctionPage(actor, entry, definition, form, model);
        }
        model.addAttribute("worksheetForm", worksheetTexts.forReader(form, texts.locale()));
        model.addAttribute("refreshUrl", correctionUrl(entryId) + "/refresh");
        return "worksheets/form-refresh";
    }

    /** Saves corrected answers as a new version of the entry; the earlier one stays for the care team. */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/history/entries/{entryId}/answers")
    String correct(Actor actor, @PathVariable UUID entryId, @RequestParam MultiValueMap<String, String> posted, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        PracticeEntry entry = worksheetEntry(actor, entryId);
        WorksheetDefinition definition = worksheetOf(entry);
        Map<String, List<String>> fields = new LinkedHashMap<>(posted);
        if (WorksheetForms.isRowChange(fields)) {
            return correctionPage(actor, entry, definition, WorksheetForms.posted(definition, fields, null), model);
        }
        AnswerCheck check = FormAnswers.complete(definition, fields);
        if (!check.isValid()) {
            response.setStatus(400);
            return correctionPage(actor, entry, definition, WorksheetForms.posted(definition, fields, check.errors()), model);
        }
        try {
            log.edit(actor, entryId, new EntryInput(entry.clientEntryId(), null, entry.rating(), entry.note(),
                    check.accepted().toJson()));
        } catch (ProblemException e) {
            List<FieldError> answerErrors = answerErrors(e);
            if (answerErrors.isEmpty()) {
                throw e;
            }
            response.setStatus(400);
            return correctionPage(actor, entry, definition, WorksheetForms.posted(definition, fields, answerErrors), model);
        }
        redirect.addFlashAttribute("notice", texts.get("correct.saved"));
        return "redirect:/history/entries/" + entryId;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/assignments/{assignmentId}/worksheet/print")
    ResponseEntity<byte[]> printBlank(Actor actor, @PathVariable UUID assignmentId) {
        WorksheetDefinition definition = worksheetOf(actor, assignmentId);
        return pdf(WorksheetPdf.blank(definition, new PrintOptions(actor.displayName(), null)), definition.key());
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/history/entries/{entryId}/print")
    ResponseEntity<byte[]> printEntry(Actor actor, @PathVariable UUID entryId) {
        PracticeEntry entry = log.get(actor, actor.clientId(), entryId);
        if (entry.answers() == null) {
            throw ProblemException.notFound("Worksheet entry");
        }
        WorksheetDefinition definition = worksheetOf(entry);
        return pdf(WorksheetPdf.filled(definition, Answers.parse(entry.answers()),
                new PrintOptions(actor.displayName(), entry.localDate())), definition.key() + "-" + entry.localDate());
    }

    /** The assignment's worksheet as the client reads it (built-ins in their language). */
    private WorksheetDefinition worksheetOf(Actor actor, UUID assignmentId) {
        return worksheetTexts.forReader(drafts.worksheetOf(actor, assignmentId), texts.locale());
    }

    private WorksheetDefinition worksheetOf(PracticeEntry entry) {
        return worksheetTexts.forReader(drafts.worksheetOf(entry), texts.locale());
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".pdf").build().toString())
                .body(bytes);
    }

    /**
     * Keeps the answers as typed, even ones that would be refused on saving (a mood of 14, text
     * past its length): the client sees them again and fixes them, rather than finding them gone.
     */
    private Optional<EntryDrafts.Draft> keepDraft(Actor actor, UUID assignmentId, WorksheetDefinition definition,
            Map<String, List<String>> fields) {
        Long sentAt = sentAt(fields.remove(DRAFT_SENT_AT));
        Answers typed = FormAnswers.asTyped(definition, fields);
        return drafts.keep(actor, assignmentId, submissionOrNull(fields), typed.isBlank() ? "{}" : typed.toJson(), sentAt);
    }

    /** The page's own count of its draft sends (carryover.js), so an older send never overwrites a newer one. */
    static final String DRAFT_SENT_AT = "draftSentAt";

    private static Long sentAt(List<String> values) {
        if (values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(values.get(0));
    }

    /** Checks that need the entry itself (a date after the day recorded), to show beside their question. */
    private static List<FieldError> answerErrors(ProblemException e) {
        return e.fields().stream().filter(f -> f.field().startsWith("answers."))
                .map(f -> new FieldError(f.field().substring("answers.".length()), FieldError.Reason.OUT_OF_RANGE, f.message()))
                .toList();
    }

    private PracticeEntry worksheetEntry(Actor actor, UUID entryId) {
        PracticeEntry entry = log.get(actor, actor.clientId(), entryId);
        if (entry.answers() == null) {
            throw ProblemException.notFound("Worksheet entry");
        }
        if (!log.mayChange(actor, entry)) {
            throw ProblemException.conflict(texts.get("entry.fixed"));
        }
        return entry;
    }

    private String correctionPage(Actor actor, PracticeEntry entry, WorksheetDefinition definition, WorksheetForm form,
            Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "worksheet");
        model.addAttribute("entry", entry);
        model.addAttribute("definition", definition);
        model.addAttribute("worksheetForm", worksheetTexts.forReader(form, texts.locale()));
        model.addAttribute("refreshUrl", correctionUrl(entry.id()) + "/refresh");
        model.addAttribute("day", Dates.longDay(entry.localDate(), clock.instant().atZone(client.timeZone()).toLocalDate(),
                texts.locale()));
        model.addAttribute("practice", practices.of(actor));
        return "client/correct";
    }

    private static String correctionUrl(UUID entryId) {
        return "/history/entries/" + entryId + "/answers";
    }

    /** The moment the page's day and time fields name; null for now. */
    private Instant when(Actor actor, Map<String, List<String>> fields) {
        ClientRecord client = access.read(actor, actor.clientId(), "worksheet");
        Instant now = clock.instant();
        LocalDate day = parsed(fields, "day", LocalDate::parse);
        LocalTime time = parsed(fields, "time", LocalTime::parse);
        return EarlierDays.occurredAt(day, time, now.atZone(client.timeZone()).toLocalDate(), client.timeZone(), now);
    }

    private static <T> T parsed(Map<String, List<String>> fields, String name, java.util.function.Function<String, T> parse) {
        List<String> values = fields.get(name);
        String value = values == null || values.isEmpty() ? "" : values.get(0).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "is not valid");
        }
    }

    private String savedAt(Actor actor, EntryDrafts.Draft draft) {
        ClientRecord client = access.read(actor, actor.clientId(), "worksheet draft");
        var at = draft.savedAt().atZone(client.timeZone());
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        Locale locale = texts.locale();
        String time = SAVED_TIME.format(at);
        return at.toLocalDate().equals(today) ? texts.get("worksheet.savedToday", time)
                : at.toLocalDate().equals(today.minusDays(1)) ? texts.get("worksheet.savedYesterday", time)
                : texts.get("worksheet.savedOn", Dates.longDay(at.toLocalDate(), today, locale), time);
    }

    private String page(Actor actor, UUID assignmentId, WorksheetDefinition definition, WorksheetForm form, UUID submissionId,
            Model model) {
        Assignment assignment = assignments.get(actor, actor.clientId(), assignmentId);
        ClientRecord client = access.read(actor, actor.clientId(), "worksheet");
        model.addAttribute("assignment", assignment);
        model.addAttribute("namedStep", drafts.namedStep(actor, assignmentId).orElse(null));
        model.addAttribute("definition", definition);
        model.addAttribute("worksheetForm", worksheetTexts.forReader(form, texts.locale()));
        model.addAttribute("refreshUrl", refreshUrl(assignmentId));
        model.addAttribute("submissionId", submissionId);
        model.addAttribute("draftUrl", "/today/assignments/" + assignmentId + "/worksheet/draft");
        model.addAttribute("practice", practices.of(actor));
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        int backdateDays = practices.of(actor).backdateDays();
        List<EarlierDays.Choice> days = new java.util.ArrayList<>();
        Locale locale = texts.locale();
        days.add(new EarlierDays.Choice(today, texts.get("day.today", Dates.longDay(today, today, locale))));
        days.addAll(EarlierDays.offered(today, assignment.startDate(), backdateDays, texts, locale));
        model.addAttribute("today", today);
        model.addAttribute("zone", client.timeZone());
        model.addAttribute("days", days);
        model.addAttribute("backdateDays", backdateDays);
        return "client/worksheet";
    }

    private static UUID submission(Map<String, List<String>> fields) {
        UUID id = submissionOrNull(fields);
        return id == null ? UUID.randomUUID() : id;
    }

    private static UUID submissionOrNull(Map<String, List<String>> fields) {
        List<String> id = fields.get("submissionId");
        try {
            return id == null || id.isEmpty() ? null : UUID.fromString(id.get(0));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String refreshUrl(UUID assignmentId) {
        return "/today/assignments/" + assignmentId + "/worksheet/refresh";
    }
}
