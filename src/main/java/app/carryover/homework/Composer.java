package app.carryover.homework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.coach.CoachReport;
import app.carryover.goals.Goal;
import app.carryover.goals.GoalStatus;
import app.carryover.goals.Goals;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.WorksheetLibrary;
import app.carryover.worksheets.WorksheetSummary;

/** What the composer page needs: the choices for each field, the due moment in words, and the coach's view. */
@Service
public class Composer {

    /** A worksheet to choose from, with its suggested dose in words. */
    public record WorksheetChoice(String key, String title, String purpose, String suggestedDose) {
    }

    /** A step of an exposure hierarchy to choose from. */
    public record StepChoice(UUID id, String label) {
    }

    /** Everything the composer form shows. */
    public record Model(ComposerForm form, List<Goal> goals, List<WorksheetChoice> worksheets, List<StepChoice> steps,
            List<DayOfWeek> weekdays, List<Dose.Kind> doseKinds, String nextSession, CoachReport coach) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final ClientAccess access;
    private final Goals goals;
    private final Sessions sessions;
    private final HierarchyRepository hierarchies;
    private final AssignmentQuality quality;
    private final java.time.Clock clock;
    private final WorksheetLibrary library;

    Composer(ClientAccess access, Goals goals, Sessions sessions, HierarchyRepository hierarchies, AssignmentQuality quality,
            java.time.Clock clock, WorksheetLibrary library) {
        this.library = library;
        this.access = access;
        this.goals = goals;
        this.sessions = sessions;
        this.hierarchies = hierarchies;
        this.quality = quality;
        this.clock = clock;
    }

    public Model model(Actor actor, UUID clientId, ComposerForm form) {
        ClientRecord client = access.prepareChange(actor, clientId, "assignment composer");
        List<Goal> open = goals.allOfClient(client.practiceId(), client.id()).stream()
                .filter(g -> g.status() == GoalStatus.ACTIVE).toList();
        List<WorksheetChoice> worksheets = worksheets(actor);
        List<StepChoice> steps = hierarchies.forClient(client.practiceId(), client.id()).stream()
                .flatMap(h -> h.steps().stream().map(s -> new StepChoice(s.id(), h.title() + " · step " + s.position() + ": "
                        + s.situation() + " (" + s.anticipatedDistress() + "/100)")))
                .toList();
        Instant now = clock.instant();
        String next = Sessions.nextAfter(sessions.timeline(client.practiceId(), client.id()), now)
                .map(TherapySession::startsAt).map(t -> "the next session, " + WHEN.format(t.atZone(client.timeZone())))
                .orElse("the next session, once it is scheduled");
        return new Model(form, open, worksheets, steps, List.of(DayOfWeek.values()), List.of(Dose.Kind.values()), next,
                quality.analyse(client, form.draft(), null));
    }

    /** The worksheets this person can assign (built-ins, the practice's and their own), as the composer offers them. */
    public List<WorksheetChoice> worksheets(Actor actor) {
        return library.available(actor).stream()
                .map(w -> new WorksheetChoice(w.key(), w.title() + (w.builtIn() ? "" : " (" + (w.shared() ? "practice" : "yours") + ")"),
                        w.purpose(), w.suggestedDoseText())).toList();
    }

    /** The coach's view of the form as it stands, for the live panel beside the composer. */
    public CoachReport coach(Actor actor, UUID clientId, ComposerForm form) {
        ClientRecord client = access.prepareChange(actor, clientId, "assignment draft");
        return quality.analyse(client, form.draft(), null);
    }

    /** The live panel's answer: the coach's view, and the worksheet's suggested dose in words when it was just applied. */
    public record Live(CoachReport coach, String doseSuggested) {
    }

    /**
     * The live panel as the clinician types: when the form's worksheet was just chosen, its suggested dose goes
     * into the dose fields first (as the worksheet builder promises), then the coach reads the form.
     */
    public Live live(Actor actor, UUID clientId, ComposerForm form) {
        ClientRecord client = access.prepareChange(actor, clientId, "assignment draft");
        String suggested = applySuggestedDose(actor, form);
        return new Live(quality.analyse(client, form.draft(), null), suggested);
    }

    /** Null when nothing changed (no worksheet, the same one as before, or none suggested). */
    private String applySuggestedDose(Actor actor, ComposerForm form) {
        String key = form.getWorksheetKey();
        if (key == null || key.isBlank() || key.equals(form.getDoseWorksheet())) {
            form.applySuggestedDose(key, null);
            return null;
        }
        WorksheetSummary worksheet;
        try {
            worksheet = library.summary(actor, key);
        } catch (ProblemException notVisible) {
            return null; // saving names the unknown worksheet; the live panel stays quiet
        }
        return form.applySuggestedDose(key, worksheet.suggestedDose()) ? worksheet.suggestedDoseText() : null;
    }

}
