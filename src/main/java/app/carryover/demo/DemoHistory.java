package app.carryover.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.measures.Measure;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.ExposureHierarchies;
import app.carryover.homework.ExposureHierarchy;
import app.carryover.homework.HistoryImport;
import app.carryover.homework.HomeworkReviews;
import app.carryover.homework.Obstacle;
import app.carryover.homework.PracticeLog;
import app.carryover.homework.ReviewDecision;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.homework.AssignmentResponse;
import app.carryover.homework.ClientVoice;
import app.carryover.homework.ResponseKind;
import app.carryover.system.Actor;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * A few weeks of made-up history for the demo clients: goals, weekly sessions, homework with its
 * practice, reflections and reviews — each client in a different place, so every screen has
 * something to show (a step-up due, a skipped review flagged, an exposure ready to step up, low
 * adherence, a trigger dose).
 */
@Component
class DemoHistory {

    /** One demo client as the seeder made them. */
    record Client(Actor actor, UUID clientId, ZoneId zone, Actor clinician) {
    }

    private final Goals goals;
    private final Sessions sessions;
    private final HistoryImport history;
    private final PracticeLog log;
    private final HomeworkReviews reviews;
    private final ExposureHierarchies exposure;
    private final Consents consents;
    private final Assignments assignments;
    private final ClientVoice voice;
    private final Clock clock;

    DemoHistory(Goals goals, Sessions sessions, HistoryImport history, PracticeLog log, HomeworkReviews reviews,
            ExposureHierarchies exposure, Consents consents, Assignments assignments, ClientVoice voice, Clock clock) {
        this.assignments = assignments;
        this.voice = voice;
        this.goals = goals;
        this.sessions = sessions;
        this.history = history;
        this.log = log;
        this.reviews = reviews;
        this.exposure = exposure;
        this.consents = consents;
        this.clock = clock;
    }

    void seed(List<Client> clients) {
        Random random = new Random(7);
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            consents.decide(c.actor(), ConsentKind.TERMS, true);
            consents.decide(c.actor(), ConsentKind.EMAIL_MESSAGES, true);
            List<TherapySession> weekly = weeklySessions(c, i);
            switch (i) {
                case 0 -> breathing(c, weekly, random);
                case 1 -> speakingUp(c, weekly, random);
                case 2 -> busExposure(c, weekly, random);
                case 3 -> sleep(c, weekly, random);
                case 4 -> activation(c, weekly, random);
                default -> worry(c, weekly, random);
            }
        }
        voices(clients);
    }

    /**
     * The clients' voice on their homework (issue 21), so the caseload, the questions page, the brief and
     * Today show it: a question and a "too hard" still waiting for Maya, a request for something to
     * practise waiting for Jonah, and a question Jonah has answered (the reply shows on Diego's Today).
     */
    private void voices(List<Client> clients) {
        Client priya = clients.get(0);
        voice.respond(priya.actor(), openAssignment(priya).id(), ResponseKind.QUESTION,
                "Does it still count if I do the breathing on the bus to work instead of after breakfast?");
        Client lucas = clients.get(3);
        voice.respond(lucas.actor(), openAssignment(lucas).id(), ResponseKind.TOO_HARD,
                "Within an hour of getting up is hard on school mornings: could I fill it in at lunchtime?");
        Client hannah = clients.get(4);
        voice.ask(hannah.actor(), "Something for Sunday evenings, when the week ahead starts to loom.");
        Client diego = clients.get(5);
        AssignmentResponse asked = voice.respond(diego.actor(), openAssignment(diego).id(), ResponseKind.QUESTION,
                "What if the worry is about a bill that is due today and cannot wait until 18:00?");
        voice.reply(diego.clinician(), diego.clientId(), asked.id(), "Then deal with the bill: that is a problem to solve, "
                + "not a worry. Postpone the 'what if' thoughts that come after it.");
    }

    /** The client's newest open assignment. */
    private Assignment openAssignment(Client c) {
        return assignments.list(c.clinician(), c.clientId()).stream().filter(a -> a.status().open())
                .reduce((first, second) -> second).orElseThrow();
    }

    /** Three held weekly sessions in the past and the next one scheduled, at a time that suits the client. */
    private List<TherapySession> weeklySessions(Client c, int i) {
        LocalDate today = clock.instant().atZone(c.zone()).toLocalDate();
        LocalTime time = LocalTime.of(9 + 2 * (i % 5), 0);
        LocalDate first = today.minusDays(21 + (i % 3));
        List<TherapySession> list = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            list.add(sessions.schedule(c.clinician(), c.clientId(), LocalDateTime.of(first.plusWeeks(w), time), 50));
        }
        for (int w = 0; w < 3; w++) {
            sessions.setStatus(c.clinician(), c.clientId(), list.get(w).id(), SessionStatus.HELD);
        }
        return list;
    }

    private void breathing(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Feel calmer at work",
                "So I can enjoy my job again and stop dreading Mondays", GoalTarget.Kind.MEASURE, Measure.GAD7,
                GoalTarget.Comparator.BELOW, new BigDecimal("10"), null, new BigDecimal("15"), null)).id();
        AssignmentDraft draft = new AssignmentDraft("Slow breathing", "Breathe in for 4 and out for 6 for five minutes, "
                + "then rate how calm you feel from 0 to 10.", "So you notice that slowing your breath lowers the alarm.",
                false, List.of(goal), weekly.get(0).id(), null, new Dose(Dose.Kind.PER_DAY, 2, null,
                        "after breakfast and before bed", null), null, null, 3, null);
        Assignment a = weekChain(c, weekly, draft, random, 0.8, ReviewDecision.CONTINUE, ReviewDecision.STEP_UP);
        practise(c, a, weekly.get(2).startsAt(), clock.instant(), 2, 0.75, random, null);
    }

    private void speakingUp(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Speak up in team meetings",
                "I have ideas and I want my manager to hear them", GoalTarget.Kind.METRIC, null,
                GoalTarget.Comparator.AT_LEAST, new BigDecimal("4"), "times I speak up in a meeting each month",
                new BigDecimal("0"), null)).id();
        AssignmentDraft draft = new AssignmentDraft("Say one thing in the stand-up", "In each morning stand-up, say one "
                + "sentence about your work before the meeting ends. Write down what you predicted and what happened.",
                "To test the prediction that people will think less of you.", false, List.of(goal), weekly.get(0).id(),
                BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT, new Dose(Dose.Kind.ON_DAYS, 1,
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "in the morning stand-up", null),
                null, null, 4, null);
        Assignment first = history.assignment(c.clinician(), c.clientId(), draft, weekly.get(0).startsAt().plusSeconds(2400));
        practise(c, first, weekly.get(0).startsAt(), weekly.get(1).startsAt(), 1, 0.6, random,
                BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT).toJson());
        reflect(c, first, "People nodded. Nobody laughed.", "Mornings when the meeting started late", Obstacle.CIRCUMSTANCES_CHANGED);
        var reviewed = history.review(c.clinician(), c.clientId(), weekly.get(1).id(), first.id(),
                review(ReviewDecision.CONTINUE, 3, 3), weekly.get(1).startsAt().plusSeconds(1200));
        Assignment second = assignment(c, reviewed.nextAssignmentId(), first);
        practise(c, second, weekly.get(1).startsAt(), weekly.get(2).startsAt(), 1, 0.7, random,
                BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.BEHAVIOURAL_EXPERIMENT).toJson());
        // The last session was held, but its review was skipped: the caseload flags it.
    }

    private void busExposure(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Take the bus to work again",
                "Taxis cost too much and I miss my independence", GoalTarget.Kind.MEASURE, Measure.GAD7,
                GoalTarget.Comparator.BELOW, new BigDecimal("8"), null, new BigDecimal("16"), null)).id();
        ExposureHierarchy h = exposure.create(c.clinician(), c.clientId(), "Buses", List.of(
                new ExposureHierarchies.StepInput("Stand at the bus stop for ten minutes", 30),
                new ExposureHierarchies.StepInput("Ride the bus two stops off-peak", 50),
                new ExposureHierarchies.StepInput("Ride the whole way to work off-peak", 70),
                new ExposureHierarchies.StepInput("Ride at rush hour", 90)));
        AssignmentDraft draft = new AssignmentDraft("Bus: two stops", "Ride the bus two stops off-peak without headphones, "
                + "and log your distress before, at the peak and after.", "To learn that the anxiety falls on its own.",
                false, List.of(goal), weekly.get(1).id(), BuiltInWorksheets.EXPOSURE_PRACTICE,
                new Dose(Dose.Kind.PER_PERIOD, 3, null, null, null), null, null, 5, h.steps().get(1).id());
        Assignment a = history.assignment(c.clinician(), c.clientId(), draft, weekly.get(1).startsAt().plusSeconds(2400));
        trials(c, a, weekly.get(1).startsAt(), 70, 55);
        var reviewed = history.review(c.clinician(), c.clientId(), weekly.get(2).id(), a.id(),
                review(ReviewDecision.CONTINUE, 3, 3), weekly.get(2).startsAt().plusSeconds(1200));
        // Two more trials at 40 or below: the next review suggests stepping up.
        trials(c, assignment(c, reviewed.nextAssignmentId(), a), weekly.get(2).startsAt(), 40, 35);
    }

    /** Exposure trials, every third day after a session, with these peaks of distress. */
    private void trials(Client c, Assignment a, Instant after, int... peaks) {
        Instant at = after.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        for (int peak : peaks) {
            String answers = BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.EXPOSURE_PRACTICE).toJson()
                    .replaceAll("\"peak_distress\"\\s*:\\s*\\d+", "\"peak_distress\":" + peak);
            if (at.isBefore(clock.instant())) {
                log.recordFor(c.clinician(), c.clientId(), a.id(), at, null, null, answers);
            }
            at = at.plus(Duration.ofDays(3));
        }
    }

    private void sleep(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Sleep through the night",
                "To have energy for the children", GoalTarget.Kind.METRIC, null, GoalTarget.Comparator.AT_LEAST,
                new BigDecimal("5"), "nights a week slept through", new BigDecimal("1"), null)).id();
        AssignmentDraft draft = new AssignmentDraft("Sleep diary", "Fill in the sleep diary within an hour of getting up.",
                "So we can see your sleep pattern before changing anything.", false, List.of(goal), weekly.get(0).id(),
                BuiltInWorksheets.SLEEP_DIARY, Dose.perDay(1), null, null, 2, null);
        Assignment a = weekChain(c, weekly, draft, random, 0.35, ReviewDecision.MODIFY, ReviewDecision.CONTINUE);
        practise(c, a, weekly.get(2).startsAt(), clock.instant(), 1, 0.3, random,
                BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.SLEEP_DIARY).toJson());
    }

    private void activation(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Enjoy weekends again",
                "I used to love Saturdays", GoalTarget.Kind.MEASURE, Measure.PHQ9, GoalTarget.Comparator.BELOW,
                new BigDecimal("5"), null, new BigDecimal("14"), null)).id();
        AssignmentDraft draft = new AssignmentDraft("One pleasant activity", "On Saturday and Sunday, do one thing from "
                + "your list for at least 30 minutes and rate pleasure and mastery 0-10 on the activity schedule.",
                "Doing comes before feeling like it.", false, List.of(goal), weekly.get(0).id(),
                BuiltInWorksheets.ACTIVITY_SCHEDULE, new Dose(Dose.Kind.ON_DAYS, 1,
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, null), null, null, 3, null);
        Assignment a = weekChain(c, weekly, draft, random, 0.9, ReviewDecision.CONTINUE, ReviewDecision.STEP_UP);
        practise(c, a, weekly.get(2).startsAt(), clock.instant(), 1, 0.9, random,
                BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.ACTIVITY_SCHEDULE).toJson());
    }

    private void worry(Client c, List<TherapySession> weekly, Random random) {
        UUID goal = goals.create(c.clinician(), c.clientId(), new GoalDraft("Worry less about money",
                "The worry follows me into the night", GoalTarget.Kind.MEASURE, Measure.GAD7, GoalTarget.Comparator.BELOW,
                new BigDecimal("10"), null, new BigDecimal("13"), null)).id();
        AssignmentDraft draft = new AssignmentDraft("Postpone the worry", "Each time a money worry comes up and is 6/10 or "
                + "more, write it on the worry log and save it for your 15-minute worry time at 18:00.",
                "To learn that worries can wait, and most shrink by evening.", false, List.of(goal), weekly.get(0).id(),
                BuiltInWorksheets.WORRY_LOG, new Dose(Dose.Kind.TRIGGER, 5, null, null, "a money worry is 6/10 or more"),
                null, null, 4, null);
        Assignment a = weekChain(c, weekly, draft, random, 0.7, ReviewDecision.CONTINUE, ReviewDecision.CONTINUE);
        practise(c, a, weekly.get(2).startsAt(), clock.instant(), 1, 0.5, random,
                BuiltInWorksheets.exampleAnswers(BuiltInWorksheets.WORRY_LOG).toJson());
    }

    /** The assignment through two reviewed weeks; returns the one open now. */
    private Assignment weekChain(Client c, List<TherapySession> weekly, AssignmentDraft draft, Random random, double share,
            ReviewDecision first, ReviewDecision second) {
        Assignment a = history.assignment(c.clinician(), c.clientId(), draft, weekly.get(0).startsAt().plusSeconds(2400));
        String answers = draft.worksheetKey() == null ? null : BuiltInWorksheets.exampleAnswers(draft.worksheetKey()).toJson();
        int perDay = a.dose().kind() == Dose.Kind.PER_DAY ? a.dose().count() : 1;
        practise(c, a, weekly.get(0).startsAt(), weekly.get(1).startsAt(), perDay, share, random, answers);
        var r1 = history.review(c.clinician(), c.clientId(), weekly.get(1).id(), a.id(), review(first, 3, 3),
                weekly.get(1).startsAt().plusSeconds(1200));
        Assignment b = assignment(c, r1.nextAssignmentId(), a);
        practise(c, b, weekly.get(1).startsAt(), weekly.get(2).startsAt(), perDay, share, random, answers);
        reflect(c, b, "It gets easier when I do it at the same time each day", "Busy mornings", Obstacle.NO_TIME);
        var r2 = history.review(c.clinician(), c.clientId(), weekly.get(2).id(), b.id(), review(second, 3, 2),
                weekly.get(2).startsAt().plusSeconds(1200));
        return assignment(c, r2.nextAssignmentId(), b);
    }

    /** The assignment a review created, or the reviewed one when the decision made none. */
    private Assignment assignment(Client c, UUID id, Assignment reviewed) {
        return id == null ? reviewed : assignments.get(c.clinician(), c.clientId(), id);
    }

    /** Practice on most days between two moments, at the dose's count, with ratings and the odd note. */
    private void practise(Client c, Assignment a, Instant from, Instant until, int perDay, double share, Random random,
            String answers) {
        LocalDate day = from.atZone(c.zone()).toLocalDate().plusDays(1);
        LocalDate last = until.atZone(c.zone()).toLocalDate();
        while (day.isBefore(last)) {
            for (int n = 0; n < perDay; n++) {
                if (random.nextDouble() < share) {
                    Instant at = day.atTime(8 + n * Math.max(1, 12 / perDay), 15).atZone(c.zone()).toInstant();
                    if (at.isBefore(clock.instant()) && at.isAfter(a.startsAt())) {
                        // A sleep diary is about the night before the morning it is written.
                        String dated = answers == null ? null
                                : answers.replaceAll("\"night_of\":\"[0-9-]+\"", "\"night_of\":\"" + day.minusDays(1) + "\"");
                        log.recordFor(c.clinician(), c.clientId(), a.id(), at, answers == null ? 3 + random.nextInt(7) : null,
                                random.nextInt(6) == 0 ? "Easier than yesterday" : null, dated);
                    }
                }
            }
            day = day.plusDays(1);
        }
    }

    private void reflect(Client c, Assignment a, String learned, String inTheWay, Obstacle obstacle) {
        reviews.reflect(c.actor(), a.id(), new HomeworkReviews.ReflectionInput(learned, inTheWay, List.of(obstacle), 3));
    }

    private static HomeworkReviews.ReviewInput review(ReviewDecision decision, int clinician, int client) {
        return new HomeworkReviews.ReviewInput(decision, clinician, client, List.of(Obstacle.NO_TIME), null,
                "Pick a fixed time and set a phone reminder");
    }
}
