package app.carryover.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.Assignments;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.EntryDrafts;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeEntry;
import app.carryover.homework.PracticeLog;
import app.carryover.measures.MeasureSchedules;
import app.carryover.practice.Practices;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Dates;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.system.Languages;
import app.carryover.system.Texts;
import app.carryover.worksheets.Answers;
import app.carryover.worksheets.WorksheetTexts;
import app.carryover.worksheets.WorksheetView;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The client's Today: one card per practice due, with progress against the dose, a large Done
 * button (one tap logs it; a rating and a note can follow), and the way to the worksheet. Every
 * page where the client writes says that entries are not read in real time and whom to call.
 */
@Controller
class TodayController {

    /** One card of Today. */
    record Card(AssignmentProgress progress, String todayLine, String periodLine, String dueLine, String dose, UUID submissionId,
            boolean reflectionDue, List<EarlierDays.Choice> earlierDays, UUID lateSubmissionId) {
    }

    private final ClientAccess access;
    private final Practices practices;
    private final Assignments assignments;
    private final PracticeLog log;
    private final HomeworkReviews reviews;
    private final Sessions sessions;
    private final EntryDrafts drafts;
    private final MeasureSchedules measures;
    private final Clock clock;
    private final ClientVoice voice;
    private final Texts texts;
    private final WorksheetTexts worksheetTexts;

    TodayController(ClientAccess access, Practices practices, Assignments assignments, PracticeLog log,
            HomeworkReviews reviews, Sessions sessions, EntryDrafts drafts, MeasureSchedules measures, Clock clock,
            ClientVoice voice, Texts texts, WorksheetTexts worksheetTexts) {
        this.texts = texts;
        this.worksheetTexts = worksheetTexts;
        this.drafts = drafts;
        this.voice = voice;
        this.access = access;
        this.practices = practices;
        this.assignments = assignments;
        this.log = log;
        this.reviews = reviews;
        this.sessions = sessions;
        this.measures = measures;
        this.clock = clock;
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today")
    String today(Actor actor, @RequestParam(required = false) UUID logged, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "today");
        Instant now = clock.instant();
        LocalDate today = now.atZone(client.timeZone()).toLocalDate();
        Locale locale = texts.locale();
        List<TherapySession> timeline = sessions.list(actor, actor.clientId());
        List<Card> cards = new ArrayList<>();
        List<String> upcoming = new ArrayList<>();
        int backdateDays = practices.of(actor).backdateDays();
        for (AssignmentProgress p : assignments.progress(actor, actor.clientId(), false)) {
            if (p.assignment().startDate().isAfter(today)) {
                String dose = p.assignment().dose().describe(texts, locale);
                upcoming.add(p.assignment().startDate().equals(today.plusDays(1))
                        ? texts.get("today.upcoming.tomorrow", p.assignment().title(), dose)
                        : texts.get("today.upcoming.on", p.assignment().title(), nearDay(p.assignment().startDate(), today, locale), dose));
                continue;
            }
            cards.add(card(client, p, timeline, today, backdateDays, locale));
        }
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("client", client);
        model.addAttribute("practice", practices.of(actor));
        model.addAttribute("cards", cards);
        model.addAttribute("backdateDays", backdateDays);
        model.addAttribute("voice", voice.voice(actor, actor.clientId()));
        List<app.carryover.measures.DueMeasure> due = measures.due(actor, actor.clientId());
        model.addAttribute("dueMeasures", due);
        model.addAttribute("measureReasons", due.stream().collect(Collectors.toMap(d -> d.scheduleId(),
                d -> measureReason(d, client.timeZone(), today, locale), (a, b) -> a)));
        model.addAttribute("nextSession", Sessions.nextAfter(timeline, now).map(s -> Dates.when(s.startsIn(client.timeZone()), today, locale))
                .orElse(null));
        if (logged != null) {
            PracticeEntry entry = log.get(actor, actor.clientId(), logged);
            String title = assignments.get(actor, actor.clientId(), entry.assignmentId()).title();
            model.addAttribute("logged", entry);
            model.addAttribute("loggedLine", entry.localDate().equals(today) ? texts.get("today.logged.today", title)
                    : entry.localDate().equals(today.minusDays(1)) ? texts.get("today.logged.yesterday", title)
                    : texts.get("today.logged.on", title, Dates.longDay(entry.localDate(), today, locale)));
        }
        return "client/today";
    }

    /**
     * One tap: logs the practice now, with the id the page made for this submission (a retry never
     * counts twice); or, from "Log it for an earlier day", for a missed day within the practice's limit.
     */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/done")
    String done(Actor actor, @PathVariable UUID assignmentId, @RequestParam UUID submissionId,
            @RequestParam(required = false) LocalDate day, @RequestParam(required = false) LocalTime time, Model model,
            HttpServletResponse response) {
        ClientRecord client = access.read(actor, actor.clientId(), "today");
        Instant now = clock.instant();
        try {
            Instant occurred = EarlierDays.occurredAt(day, time, now.atZone(client.timeZone()).toLocalDate(),
                    client.timeZone(), now);
            PracticeLog.Logged logged = log.log(actor, assignmentId, new EntryInput(submissionId, occurred, null, null, null));
            return "redirect:/today?logged=" + logged.entry().id();
        } catch (ProblemException e) {
            FormErrors.reject(EarlierDays.asPageFields(e), model, response);
            model.addAttribute("lateFor", assignmentId);
            return today(actor, null, model);
        }
    }

    /** The optional second step after Done: how it went (0–10) and a note. */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/entries/{entryId}")
    String rate(Actor actor, @PathVariable UUID entryId, @RequestParam(required = false) Integer rating,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        rateAndNote(actor, entryId, rating, note);
        redirect.addFlashAttribute("notice", texts.get("today.saved"));
        return "redirect:/today";
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/today/assignments/{assignmentId}/reflection")
    String reflection(Actor actor, @PathVariable UUID assignmentId, Model model) {
        model.addAttribute("practice", practices.of(actor));
        model.addAttribute("assignment", assignments.get(actor, actor.clientId(), assignmentId));
        model.addAttribute("reflection", reviews.reflection(actor, actor.clientId(), assignmentId).orElse(null));
        model.addAttribute("obstacles", Obstacle.values());
        return "client/reflection";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/today/assignments/{assignmentId}/reflection")
    String reflect(Actor actor, @PathVariable UUID assignmentId, @RequestParam(defaultValue = "") String learned,
            @RequestParam(defaultValue = "") String gotInTheWay, @RequestParam(required = false) List<Obstacle> obstacles,
            @RequestParam(required = false) Integer selfRating, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            reviews.reflect(actor, assignmentId, new HomeworkReviews.ReflectionInput(learned, gotInTheWay,
                    obstacles == null ? List.of() : obstacles, selfRating));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return reflection(actor, assignmentId, model);
        }
        redirect.addFlashAttribute("notice", texts.get("today.reflected"));
        return "redirect:/today";
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/history")
    String history(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "history");
        List<PracticeEntry> entries = log.history(actor, actor.clientId(), 200);
        Map<UUID, String> titles = assignments.list(actor, actor.clientId()).stream()
                .collect(Collectors.toMap(a -> a.id(), a -> a.title()));
        model.addAttribute("client", client);
        model.addAttribute("entries", entries);
        model.addAttribute("titles", titles);
        model.addAttribute("practice", practices.of(actor));
        return "client/history";
    }

    /** One entry, to change its rating or note (until the clinician has reviewed it). */
    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/history/entries/{entryId}")
    String entry(Actor actor, @PathVariable UUID entryId, Model model) {
        PracticeEntry entry = log.get(actor, actor.clientId(), entryId);
        model.addAttribute("entry", entry);
        model.addAttribute("assignment", assignments.get(actor, actor.clientId(), entry.assignmentId()));
        model.addAttribute("practice", practices.of(actor));
        model.addAttribute("mayChange", log.mayChange(actor, entry));
        ClientRecord client = access.read(actor, actor.clientId(), "history");
        model.addAttribute("day", Dates.longDay(entry.localDate(), clock.instant().atZone(client.timeZone()).toLocalDate(),
                texts.locale()));
        if (entry.answers() != null) {
            model.addAttribute("view", WorksheetView.filled(worksheetTexts.forReader(drafts.worksheetOf(entry), texts.locale()),
                    Answers.parse(entry.answers())));
        }
        return "client/entry";
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/history/entries/{entryId}")
    String change(Actor actor, @PathVariable UUID entryId, @RequestParam(required = false) Integer rating,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        rateAndNote(actor, entryId, rating, note);
        redirect.addFlashAttribute("notice", texts.get("history.changed"));
        return "redirect:/history";
    }

    /** Removes an entry at once, and offers to put it back (History shows "Undo" until the next page). */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/history/entries/{entryId}/delete")
    String delete(Actor actor, @PathVariable UUID entryId, RedirectAttributes redirect) {
        ClientRecord client = access.read(actor, actor.clientId(), "history");
        PracticeEntry entry = log.get(actor, actor.clientId(), entryId);
        String title = assignments.get(actor, actor.clientId(), entry.assignmentId()).title();
        log.delete(actor, entryId);
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        redirect.addFlashAttribute("removedId", entryId.toString());
        redirect.addFlashAttribute("removedLine", texts.get("history.removed", title,
                Dates.longDay(entry.localDate(), today, texts.locale())));
        return "redirect:/history";
    }

    /** Undoes a removal: the entry counts again, until the practice has been reviewed. */
    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/history/entries/{entryId}/restore")
    String restore(Actor actor, @PathVariable UUID entryId, RedirectAttributes redirect) {
        log.restore(actor, entryId);
        redirect.addFlashAttribute("notice", texts.get("history.back"));
        return "redirect:/history";
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/week")
    String week(Actor actor, Model model) {
        ClientRecord client = access.read(actor, actor.clientId(), "week");
        LocalDate today = clock.instant().atZone(client.timeZone()).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        List<PracticeEntry> entries = log.history(actor, actor.clientId(), 500);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AssignmentProgress p : assignments.progress(actor, actor.clientId(), false)) {
            List<Long> counts = days.stream().map(d -> entries.stream().filter(e -> e.assignmentId().equals(p.assignment().id())
                    && e.localDate().equals(d)).count()).toList();
            rows.add(Map.of("title", p.assignment().title(), "counts", counts, "dose",
                    p.assignment().dose().describe(texts, texts.locale())));
        }
        model.addAttribute("days", days);
        model.addAttribute("today", today);
        model.addAttribute("rows", rows);
        model.addAttribute("practice", practices.of(actor));
        return "client/week";
    }

    private Card card(ClientRecord client, AssignmentProgress p, List<TherapySession> timeline, LocalDate today,
            int backdateDays, Locale locale) {
        String todayLine = p.expectedToday() == null
                ? (p.doneToday() == 0 ? texts.get("today.line.notYet") : texts.get("today.line.doneToday", p.doneToday()))
                : texts.get("today.line.ofToday", p.doneToday(), Math.round(p.expectedToday()));
        var assignedAt = p.assignment().assignedInSession() == null ? null : timeline.stream()
                .filter(s -> s.id().equals(p.assignment().assignedInSession())).findFirst().orElse(null);
        LocalDate sessionDay = assignedAt == null ? null : assignedAt.startsIn(client.timeZone()).toLocalDate();
        String since = sessionDay == null ? texts.get("today.since.day", nearDay(p.assignment().startDate(), today, locale))
                : withinAWeek(sessionDay, today) ? texts.get("today.since.weekdaySession", Dates.weekday(sessionDay, locale))
                : texts.get("today.since.session", Dates.longDay(sessionDay, today, locale));
        String periodLine = p.whole() != null
                ? texts.get("today.period.of", p.soFar().doneRounded(), p.whole().expectedRounded(), since)
                : texts.get("today.period.done", p.soFar().doneRounded(), since);
        Instant now = clock.instant();
        TherapySession next = Sessions.nextAfter(timeline, now).orElse(null);
        String dueLine;
        if (p.unreviewed() || p.period().over(now)) {
            // Its session has passed without a review: never point the client at a past session.
            dueLine = next != null ? texts.get("today.due.review", Dates.when(next.startsIn(client.timeZone()), today, locale))
                    : texts.get("today.due.reviewNoDate");
        } else if (p.dueSession() != null) {
            dueLine = texts.get("today.due.session", Dates.when(p.dueSession().startsIn(client.timeZone()), today, locale));
        } else if (p.assignment().dueDate() != null) {
            dueLine = texts.get("today.due.date", Dates.longDay(p.assignment().dueDate(), today, locale));
        } else {
            dueLine = texts.get("today.due.nextSession");
        }
        boolean reflectionDue = p.dueSession() != null
                && !p.dueSession().startsIn(client.timeZone()).toLocalDate().isAfter(today.plusDays(2));
        return new Card(p, todayLine, periodLine, dueLine, p.assignment().dose().describe(texts, locale), UUID.randomUUID(),
                reflectionDue, EarlierDays.offered(today, p.assignment().startDate(), backdateDays, texts, locale),
                UUID.randomUUID());
    }

    /**
     * Why a questionnaire is due, in the page's language. The measures module says it in English; its
     * four kinds are recognised by their opening words and said again from the window's close.
     */
    private String measureReason(app.carryover.measures.DueMeasure d, java.time.ZoneId zone, LocalDate today, Locale locale) {
        String english = d.reason();
        if (english == null || Languages.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return english;
        }
        LocalDate lastDay = d.closes().atZone(zone).toLocalDate().minusDays(1);
        if (english.startsWith("before your session on ")) {
            return texts.get("today.measure.beforeSession", Dates.when(d.closes().atZone(zone), today, locale));
        }
        String key = english.startsWith("due by ") ? "today.measure.dueBy"
                : english.startsWith("at the start of your therapy") ? "today.measure.start"
                : english.startsWith("near the end of your therapy") ? "today.measure.end" : null;
        return key == null ? english : texts.get(key, Dates.longDay(lastDay, today, locale));
    }

    /** "Friday" within a week of today, where the weekday alone is clear; otherwise "Friday 13 March". */
    private static String nearDay(LocalDate day, LocalDate today, Locale locale) {
        return withinAWeek(day, today) ? Dates.weekday(day, locale) : Dates.longDay(day, today, locale);
    }

    private static boolean withinAWeek(LocalDate day, LocalDate today) {
        return Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, day)) < 7;
    }

    /** Changes an entry's rating and note, keeping its submission id and any worksheet answers. */
    private void rateAndNote(Actor actor, UUID entryId, Integer rating, String note) {
        PracticeEntry entry = log.get(actor, actor.clientId(), entryId);
        log.edit(actor, entryId, new EntryInput(entry.clientEntryId(), null, rating, note, entry.answers()));
    }
}
