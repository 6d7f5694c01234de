package app.carryover.clinician;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.carryover.reminders.Reminders;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.Consents;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.Assignments;
import app.carryover.homework.ClientVoice;
import app.carryover.measures.Change;
import app.carryover.progress.CaseloadOutcomes;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.PracticeZones;

/** The clinician's caseload, ordered by need. */
@Controller
class CaseloadScreen {

    /** One client's line: what needs attention first. */
    record Row(ClientRecord client, int unreviewed, int open, Double adherence, TherapySession nextSession,
            boolean termsWithdrawn, List<TherapySession> toRecord, int unanswered, CaseloadOutcomes.Outcome outcome) {

        public int openAlerts() {
            return outcome == null ? 0 : outcome.openAlerts();
        }

        public boolean deteriorated() {
            return outcome != null && outcome.status() == Change.Status.RELIABLE_DETERIORATION;
        }
    }

    /**
     * Most pressing first: open risk alerts (always), unreviewed homework, the client's unanswered questions and
     * requests, sessions nobody recorded, withdrawn consent, reliable deterioration, low adherence, the soonest session.
     */
    static final Comparator<Row> BY_NEED = Comparator.comparing((Row r) -> r.openAlerts() == 0)
            .thenComparing(r -> r.client().discharged())
            .thenComparing(Row::unreviewed, Comparator.reverseOrder())
            .thenComparing(Row::unanswered, Comparator.reverseOrder())
            .thenComparing(r -> r.toRecord().size(), Comparator.reverseOrder())
            .thenComparing(Row::termsWithdrawn, Comparator.reverseOrder())
            .thenComparing(Row::deteriorated, Comparator.reverseOrder())
            .thenComparing(r -> r.adherence() == null ? 2.0 : r.adherence())
            .thenComparing(r -> r.nextSession() == null ? Instant.MAX : r.nextSession().startsAt())
            .thenComparing(r -> r.client().displayName());

    private final Caseload caseload;
    private final Assignments assignments;
    private final Sessions sessions;
    private final Consents consents;
    private final Clock clock;
    private final PracticeZones practices;
    private final Reminders reminders;
    private final ClientVoice voice;
    private final app.carryover.caseload.ClientAccess access;
    private final CaseloadOutcomes outcomes;

    CaseloadScreen(Caseload caseload, Assignments assignments, Sessions sessions, Consents consents, Clock clock,
            PracticeZones practices, Reminders reminders, ClientVoice voice, CaseloadOutcomes outcomes,
            app.carryover.caseload.ClientAccess access) {
        this.access = access;
        this.reminders = reminders;
        this.voice = voice;
        this.outcomes = outcomes;
        this.practices = practices;
        this.caseload = caseload;
        this.assignments = assignments;
        this.sessions = sessions;
        this.consents = consents;
        this.clock = clock;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/caseload")
    String caseload(Actor actor, Model model) {
        Instant now = clock.instant();
        List<ClientRecord> mine = access.readAll(actor, caseload.mine(actor), "assignment progress");
        Map<UUID, CaseloadOutcomes.Outcome> scores = outcomes.of(actor.practiceId(), mine);
        List<Row> rows = mine.stream().map(c -> row(actor, c, now, scores.get(c.id()))).sorted(BY_NEED).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("viewerZone", practices.zoneOf(actor.practiceId()));
        model.addAttribute("followUps", reminders.followUps(actor));
        return "clinician/caseload";
    }

    private Row row(Actor actor, ClientRecord c, Instant now, CaseloadOutcomes.Outcome outcome) {
        List<AssignmentProgress> open = assignments.progress(actor, c.id(), false);
        int unreviewed = (int) open.stream().filter(AssignmentProgress::unreviewed).count();
        Double adherence = open.stream().map(p -> p.soFar().quantity()).filter(q -> q != null)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
        List<TherapySession> timeline = sessions.timeline(c.practiceId(), c.id());
        TherapySession next = Sessions.nextAfter(timeline, now).orElse(null);
        return new Row(c, unreviewed, open.size(), adherence, next, consents.hasWithdrawnTerms(c.practiceId(), c.id()),
                Sessions.unrecorded(timeline, now), voice.voice(actor, c.id()).pending(), outcome);
    }
}
