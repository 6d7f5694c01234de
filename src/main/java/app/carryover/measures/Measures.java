package app.carryover.measures;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.measures.MeasureAdministration.Mode;
import app.carryover.sessions.Sessions;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Uuids;

/**
 * Answering questionnaires and ratings, and reading them back. A client answers on their own (every
 * scored question, once per submission id); a clinician gives one in session, where a skipped
 * question is allowed and the missing-item rule of {@link Score} decides whether there is a total.
 * A risk answer raises an alert in the same transaction, before anything is shown to the client.
 */
@Service
public class Measures {

    /**
     * What is sent when a questionnaire is answered.
     *
     * @param submissionId made by the page or device for this submission, so a retry never counts twice
     * @param answers      one per item in order, null for an unanswered one
     * @param sessionId    the session it was given in or before, or null
     */
    public record AnswerInput(UUID submissionId, List<Integer> answers, UUID sessionId) {
    }

    /** A saved administration with its instrument and score; {@code created} is false for a retried submission. */
    public record Answered(MeasureAdministration administration, Instrument instrument, Score score, boolean created) {
    }

    private final AdministrationRepository administrations;
    private final Instruments instruments;
    private final ClientAccess access;
    private final Sessions sessions;
    private final RiskAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Measures(AdministrationRepository administrations, Instruments instruments, ClientAccess access, Sessions sessions,
            RiskAlerts alerts, ApplicationEventPublisher events, Clock clock) {
        this.administrations = administrations;
        this.instruments = instruments;
        this.access = access;
        this.sessions = sessions;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    /** The client answers a questionnaire or custom rating on their own. */
    @Transactional
    public Answered answer(Actor client, String instrumentKey, AnswerInput input) {
        ClientRecord record = access.self(client, client.clientId(), "measures");
        Instrument instrument = instruments.givable(record.practiceId(), instrumentKey);
        if (instrument.respondent() != Instrument.Respondent.CLIENT || instrument.isHomeworkRating()) {
            throw ProblemException.notFound("Questionnaire");
        }
        return save(client, record, instrument, input, Mode.SELF, null, true);
    }

    /** A clinician enters a client's answers given in session (or on paper); skipped questions are allowed. */
    @Transactional
    public Answered administer(Actor clinician, UUID clientId, String instrumentKey, AnswerInput input) {
        ClientRecord record = access.change(clinician, clientId, "measures");
        Instrument instrument = instruments.givable(record.practiceId(), instrumentKey);
        if (instrument.isHomeworkRating()) {
            throw ProblemException.notFound("Questionnaire");
        }
        return save(clinician, record, instrument, input, Mode.IN_SESSION, null, false);
    }

    /**
     * The client rates one of their assignments (how much, how well, how useful, how hard). The
     * caller has checked that the assignment is the client's.
     */
    @Transactional
    public Answered rateHomework(Actor client, UUID assignmentId, AnswerInput input) {
        ClientRecord record = access.self(client, client.clientId(), "homework rating");
        return save(client, record, StandardInstruments.HOMEWORK_BY_CLIENT, input, Mode.SELF, assignmentId, true);
    }

    /** The clinician rates an assignment of the client at review. The caller has checked the assignment. */
    @Transactional
    public Answered rateHomeworkAsClinician(Actor clinician, UUID clientId, UUID assignmentId, AnswerInput input) {
        ClientRecord record = access.change(clinician, clientId, "homework rating");
        return save(clinician, record, StandardInstruments.HOMEWORK_BY_CLINICIAN, input, Mode.IN_SESSION, assignmentId, true);
    }

    /**
     * The client's administrations in time order: everything for the care team; for the client
     * themselves, all but the clinician's homework ratings.
     */
    public List<MeasureAdministration> history(Actor actor, UUID clientId) {
        ClientRecord record = access.read(actor, clientId, "measures");
        List<MeasureAdministration> all = administrations.forClient(record.practiceId(), record.id());
        return actor.isClient() ? forClient(all) : all;
    }

    /** One administration with its answers; the clinician's homework ratings only for the care team. */
    public MeasureAdministration get(Actor actor, UUID clientId, UUID administrationId) {
        ClientRecord record = access.read(actor, clientId, "measure answers");
        MeasureAdministration a = administrations.find(record.practiceId(), record.id(), administrationId)
                .orElseThrow(() -> ProblemException.notFound("Questionnaire answers"));
        if (actor.isClient() && StandardInstruments.HOMEWORK_CLINICIAN.equals(a.instrument())) {
            throw ProblemException.notFound("Questionnaire answers");
        }
        return a;
    }

    /** Every administration of the client, for modules that have already checked access (progress, the brief). */
    public List<MeasureAdministration> historyOf(UUID practiceId, UUID clientId) {
        return administrations.forClient(practiceId, clientId);
    }

    /** The administrations of several clients since an instant, for modules that have already checked access. */
    public List<MeasureAdministration> ofClients(UUID practiceId, Collection<UUID> clientIds, Instant since) {
        return administrations.forClients(practiceId, clientIds, since);
    }

    /** Drops the clinician's homework ratings, which a client never sees. */
    public static List<MeasureAdministration> forClient(List<MeasureAdministration> all) {
        return all.stream().filter(a -> !StandardInstruments.HOMEWORK_CLINICIAN.equals(a.instrument())).toList();
    }

    private Answered save(Actor actor, ClientRecord record, Instrument instrument, AnswerInput input, Mode mode,
            UUID assignmentId, boolean complete) {
        if (input.submissionId() == null) {
            throw ProblemException.invalid("submissionId", "is required (made by the page or device, so a retry never "
                    + "counts twice)");
        }
        var retried = administrations.bySubmission(record.practiceId(), record.id(), input.submissionId());
        if (retried.isPresent()) {
            return existing(retried.get(), instrument);
        }
        Score score = Score.of(instrument, input.answers(), complete);
        if (input.sessionId() != null && sessions.timeline(record.practiceId(), record.id()).stream()
                .noneMatch(s -> s.id().equals(input.sessionId()))) {
            throw ProblemException.invalid("sessionId", "is not a session of this client");
        }
        Instant now = clock.instant();
        MeasureAdministration a = new MeasureAdministration(record.practiceId(), Uuids.timeOrdered(), record.id(),
                instrument.key(), input.submissionId(), actor.accountId(), mode, input.sessionId(), assignmentId,
                Collections.unmodifiableList(new ArrayList<>(input.answers())), score.total(), score.prorated(), score.missing(),
                score.band(), score.risk(), now, now.atZone(record.timeZone()).toLocalDate());
        if (!administrations.insertOnce(a)) {
            // The same submission was stored a moment ago from another tab or a retry.
            return existing(administrations.bySubmission(record.practiceId(), record.id(), input.submissionId())
                    .orElseThrow(), instrument);
        }
        if (score.risk()) {
            alerts.raise(actor, record, a, score);
        }
        events.publishEvent(new MeasureAdministered(a.practiceId(), a.clientId(), a.id(), a.instrument(),
                instrument.measure(), a.total(), a.risk(), a.sessionId(), a.assignmentId(), a.answeredAt()));
        return new Answered(a, instrument, score, true);
    }

    private Answered existing(MeasureAdministration a, Instrument asked) {
        if (!a.instrument().equals(asked.key())) {
            throw ProblemException.conflict("This submission id was already used for another questionnaire.");
        }
        // Stored answers passed the same checks, so scoring them again gives the stored score.
        return new Answered(a, asked, Score.of(asked, a.answers(), false), false);
    }
}
