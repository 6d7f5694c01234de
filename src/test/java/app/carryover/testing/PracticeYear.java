package app.carryover.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.measures.Measure;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.Actor;

/**
 * Weeks of therapy as a record grows in use, seeded through the real services at the test clock's
 * (moving) time: a goal, weekly sessions held, three daily assignments (the mood tracker worksheet
 * and two quick logs) renewed at each session's review, and about 80 % of days logged. A year of it
 * (52 weeks) is the FHIR {@code $everything} benchmark's client; a few weeks make a small record.
 */
public final class PracticeYear {

    /** What was made. */
    public record Made(int entries, int assignments, int sessions, Instant end) {
    }

    private PracticeYear() {
    }

    /**
     * {@code weeks} weeks of practice for a client of the clinician, the first session at {@code first}
     * (UTC wall time); the clock is left at the last session's review.
     */
    public static Made seed(ApplicationContext context, TestClock clock, Actor clinician, Actor client, UUID clientId,
            LocalDateTime first, int weeks) {
        Goals goals = context.getBean(Goals.class);
        Sessions sessions = context.getBean(Sessions.class);
        Assignments assignments = context.getBean(Assignments.class);
        PracticeLog log = context.getBean(PracticeLog.class);
        HomeworkReviews reviews = context.getBean(HomeworkReviews.class);
        clock.set(first.minusDays(1).toInstant(java.time.ZoneOffset.UTC));
        UUID goal = goals.create(clinician, clientId, new GoalDraft("Feel calmer at work", null, GoalTarget.Kind.MEASURE,
                Measure.GAD7, GoalTarget.Comparator.BELOW, new BigDecimal("10"), null, new BigDecimal("15"), null)).id();
        List<TherapySession> weekly = new ArrayList<>();
        for (int w = 0; w <= weeks + 1; w++) {
            weekly.add(sessions.schedule(clinician, clientId, first.plusWeeks(w), 50));
        }
        Random random = new Random(42);
        clock.set(weekly.get(0).startsAt().plusSeconds(600));
        sessions.setStatus(clinician, clientId, weekly.get(0).id(), SessionStatus.HELD);
        List<Assignment> current = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            current.add(assignments.compose(clinician, clientId, new AssignmentDraft(a == 0 ? "Mood tracker" : "Practice " + a,
                    "Practise for ten minutes and note how it went.", "To build the habit.", false, List.of(goal),
                    weekly.get(0).id(), a == 0 ? "mood-tracker" : null, Dose.perDay(1), null, null, 3, null)));
        }
        int entries = 0;
        int made = current.size();
        for (int w = 1; w <= weeks; w++) {
            TherapySession session = weekly.get(w);
            for (int day = 1; day <= 6; day++) {
                Instant at = weekly.get(w - 1).startsAt().plus(Duration.ofDays(day)).plus(Duration.ofHours(-8));
                clock.set(at.plusSeconds(60));
                for (Assignment a : current) {
                    if (random.nextInt(10) < 8) {
                        log.log(client, a.id(), new EntryInput(UUID.randomUUID(), at, a.usesWorksheet() ? null : random.nextInt(11),
                                null, a.usesWorksheet() ? "{\"mood\":" + random.nextInt(11) + ",\"anxiety\":" + random.nextInt(11) + "}" : null));
                        entries++;
                    }
                }
            }
            clock.set(session.startsAt().plusSeconds(600));
            sessions.setStatus(clinician, clientId, session.id(), SessionStatus.HELD);
            if (w == weeks) {
                break;
            }
            List<Assignment> next = new ArrayList<>();
            for (Assignment a : current) {
                var review = reviews.decide(clinician, clientId, session.id(), a.id(), new HomeworkReviews.ReviewInput(
                        ReviewDecision.CONTINUE, 3, 3, List.of(Obstacle.NO_TIME), null, "Keep going"));
                next.add(assignments.get(clinician, clientId, review.nextAssignmentId()));
                made++;
            }
            current = next;
        }
        return new Made(entries, made, weekly.size(), clock.instant());
    }
}
