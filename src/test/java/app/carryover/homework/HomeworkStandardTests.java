package app.carryover.homework;

import static app.carryover.testing.DraftBuilder.draft;
import static app.carryover.testing.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.goals.GoalDraft;
import app.carryover.goals.GoalTarget;
import app.carryover.goals.Goals;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.system.ProblemException;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * The homework standard report against a month counted by hand (issue 21): Chris holds three sessions
 * in November (one more is cancelled) and sets homework in two; Olu holds one and sets none. Every
 * figure below was worked out on paper from the story in {@link #aNovemberAndDecemberOfHomework()}.
 */
@CarryoverTest
class HomeworkStandardTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Sessions sessions;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;
    @Autowired
    HomeworkReviews reviews;
    @Autowired
    ClientVoice voice;
    @Autowired
    Goals goals;
    @Autowired
    HomeworkStandard standard;

    Clinic clinic;
    TestPractice practice;
    List<Assignment> november;

    @BeforeEach
    void aNovemberAndDecemberOfHomework(Clinic clinic) {
        this.clinic = clinic;
        at("2026-11-01T09:00:00Z");
        practice = clinic.practice();
        var chris = practice.clinician().actor();
        var olu = practice.otherClinician().actor();
        UUID kim = practice.client().clientId();
        UUID lee = practice.otherClient().clientId();
        UUID sleepGoal = goals.create(chris, kim, new GoalDraft("Sleep through the night", null, GoalTarget.Kind.METRIC,
                null, GoalTarget.Comparator.AT_LEAST, new BigDecimal("5"), "nights a week slept through",
                new BigDecimal("1"), null)).id();
        TherapySession n1 = sessions.schedule(chris, kim, LocalDateTime.of(2026, 11, 2, 10, 0), 50);
        TherapySession n2 = sessions.schedule(chris, kim, LocalDateTime.of(2026, 11, 9, 10, 0), 50);
        TherapySession n3 = sessions.schedule(chris, kim, LocalDateTime.of(2026, 11, 16, 10, 0), 50);
        TherapySession n4 = sessions.schedule(chris, kim, LocalDateTime.of(2026, 11, 23, 10, 0), 50);
        TherapySession d1 = sessions.schedule(chris, kim, LocalDateTime.of(2026, 12, 7, 10, 0), 50);
        TherapySession o1 = sessions.schedule(olu, lee, LocalDateTime.of(2026, 11, 3, 10, 0), 50);

        // 2 Nov, N1 held: A1 (linked to the sleep goal) and A2 (general, vague) set in it.
        at("2026-11-02T10:40:00Z");
        sessions.setStatus(chris, kim, n1.id(), SessionStatus.HELD);
        Assignment a1 = assignments.compose(chris, kim, draft("Sleep diary",
                "Each morning within an hour of getting up, write down when you went to bed, when you fell asleep and when you got up.")
                .rationale("So we can see your sleep pattern and plan the next step.").goals(sleepGoal)
                .inSession(n1.id()).build());
        Assignment a2 = assignments.compose(chris, kim, draft("Relax", "Try to relax more.").inSession(n1.id())
                .build());
        // Kim: a question on A1 (answered), "too hard" on A2 (never answered).
        at("2026-11-03T08:00:00Z");
        voice.respond(practice.client().actor(), a1.id(), ResponseKind.QUESTION, "Do naps count?");
        voice.reply(chris, kim, voice.voice(chris, kim).responses().get(0).id(), "Yes, write them down too.");
        at("2026-11-04T08:00:00Z");
        voice.respond(practice.client().actor(), a2.id(), ResponseKind.TOO_HARD, null);
        // A1 logged on 5 of its 7 days, A2 on all 7.
        for (int day = 3; day <= 9; day++) {
            if (day <= 7) {
                logAt(a1, "2026-11-0" + day + "T07:30:00Z");
            }
            logAt(a2, "2026-11-0" + (day - 1) + "T20:00:00Z");
        }
        // 3 Nov, O1 held by Olu: no homework.
        at("2026-11-03T10:55:00Z");
        sessions.setStatus(olu, lee, o1.id(), SessionStatus.HELD);
        // 9 Nov, N2 held: A1 reviewed (complete, quality 3); A2 left unreviewed.
        at("2026-11-09T10:30:00Z");
        sessions.setStatus(chris, kim, n2.id(), SessionStatus.HELD);
        reviews.decide(chris, kim, n2.id(), a1.id(), new HomeworkReviews.ReviewInput(ReviewDecision.COMPLETE, 3, 3,
                List.of(), null, null));
        // 16 Nov, N3 cancelled.
        at("2026-11-16T09:00:00Z");
        sessions.setStatus(chris, kim, n3.id(), SessionStatus.CANCELLED);
        // 23 Nov, N4 held: A3 set (linked to the goal); Kim says "Got it" (needs no answer).
        at("2026-11-23T10:40:00Z");
        sessions.setStatus(chris, kim, n4.id(), SessionStatus.HELD);
        Assignment a3 = assignments.compose(chris, kim, draft("Wind-down routine",
                "Each evening at 22:30, switch off screens and read a paper book for 20 minutes before bed.")
                .rationale("A steady wind-down helps you fall asleep sooner.").goals(sleepGoal).inSession(n4.id())
                .difficulty(4).build());
        november = List.of(a1, a2, a3);
        at("2026-11-24T08:00:00Z");
        voice.respond(practice.client().actor(), a3.id(), ResponseKind.GOT_IT, null);
        // 7 Dec, D1 held: A3 reviewed (drop, quality 1, nothing logged); A2 reviewed late (complete, quality 4).
        at("2026-12-07T10:30:00Z");
        sessions.setStatus(chris, kim, d1.id(), SessionStatus.HELD);
        reviews.decide(chris, kim, d1.id(), a3.id(), new HomeworkReviews.ReviewInput(ReviewDecision.DROP, 1, 1,
                List.of(), null, null));
        reviews.decide(chris, kim, d1.id(), a2.id(), new HomeworkReviews.ReviewInput(ReviewDecision.COMPLETE, 4, 4,
                List.of(), null, null));
        at("2026-12-10T12:00:00Z");
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    void logAt(Assignment a, String instant) {
        Instant previous = clock.instant();
        clock.set(Instant.parse(instant).plusSeconds(60));
        log.log(practice.client().actor(), a.id(), entry().at(Instant.parse(instant)).build());
        clock.set(previous);
    }

    HomeworkStandard.Month month(HomeworkStandard.Report report, String clinician, String month) {
        return report.rows().stream().filter(r -> r.clinician().equals(clinician)).findFirst().orElseThrow()
                .months().stream().filter(m -> m.month().equals(YearMonth.parse(month))).findFirst().orElseThrow();
    }

    @Test
    void everyFigureMatchesTheMonthCountedByHand() {
        HomeworkStandard.Report report = standard.report(practice.admin().actor(), YearMonth.of(2026, 11),
                YearMonth.of(2026, 12), false);
        assertThat(report.rows()).extracting(HomeworkStandard.Row::clinician)
                .containsExactly("Chris Primary", "Olu Other", "Sam Supervisor", "Practice total");

        HomeworkStandard.Month nov = month(report, "Chris Primary", "2026-11");
        assertThat(nov.setHomework()).isEqualTo(new HomeworkStandard.Share(2, 3));     // N1, N4 of N1, N2, N4
        assertThat(nov.linkedToGoal()).isEqualTo(new HomeworkStandard.Share(2, 3));    // A1, A3 of A1-A3
        // The coach's verdicts as stored when each was set: "Try to relax more." (A2) never passes.
        List<Boolean> professional = november.stream().map(a -> assignments.get(practice.clinician().actor(),
                a.clientId(), a.id()).coachReport().matches("(?s).*\"overall\":\\s*\"PROFESSIONAL\".*")).toList();
        assertThat(professional.get(1)).isFalse();
        assertThat(nov.passedCoach()).isEqualTo(new HomeworkStandard.Share(
                (int) professional.stream().filter(p -> p).count(), 3));
        assertThat(nov.reviewed()).isEqualTo(new HomeworkStandard.Share(1, 2));        // A1 at N2; A2 due at N2, not reviewed
        assertThat(nov.medianQuantity()).isCloseTo(5.0 / 7, org.assertj.core.data.Offset.offset(1e-9)); // A1: 5 of 7
        assertThat(nov.medianQuality()).isEqualTo(3.0);
        assertThat(nov.questionsAsked()).isEqualTo(2);                                 // the question and "too hard"
        assertThat(nov.questionsUnanswered()).isEqualTo(1);

        HomeworkStandard.Month dec = month(report, "Chris Primary", "2026-12");
        assertThat(dec.setHomework()).isEqualTo(new HomeworkStandard.Share(0, 1));     // D1 set nothing
        assertThat(dec.linkedToGoal()).isEqualTo(new HomeworkStandard.Share(0, 0));
        assertThat(dec.reviewed()).isEqualTo(new HomeworkStandard.Share(1, 1));        // A3 at D1 (A2 counted at N2)
        assertThat(dec.medianQuantity()).isEqualTo(0.5);                               // A3 0 of 14, A2 7 of 7
        assertThat(dec.medianQuality()).isEqualTo(2.5);                                // ratings 1 and 4
        assertThat(dec.questionsAsked()).isZero();                                     // "Got it" is no question

        HomeworkStandard.Month olu = month(report, "Olu Other", "2026-11");
        assertThat(olu.setHomework()).isEqualTo(new HomeworkStandard.Share(0, 1));
        assertThat(olu.reviewed()).isEqualTo(new HomeworkStandard.Share(0, 0));

        HomeworkStandard.Month total = month(report, "Practice total", "2026-11");
        assertThat(total.setHomework()).isEqualTo(new HomeworkStandard.Share(2, 4));
        assertThat(total.reviewed()).isEqualTo(new HomeworkStandard.Share(1, 2));
        assertThat(total.setHomework().words()).isEqualTo("50% (2 of 4)");
    }

    @Test
    void eachPersonSeesOnlyWhoseFiguresTheyMay() throws Exception {
        YearMonth nov = YearMonth.of(2026, 11);
        assertThat(standard.report(practice.clinician().actor(), nov, nov, false).rows())
                .extracting(HomeworkStandard.Row::clinician).containsExactly("Chris Primary");
        assertThat(standard.report(practice.supervisor().actor(), nov, nov, false).rows())
                .extracting(HomeworkStandard.Row::clinician).containsExactly("Sam Supervisor", "Chris Primary");
        assertThatThrownBy(() -> standard.report(practice.client().actor(), nov, nov, false))
                .isInstanceOf(ProblemException.class);

        WebSession supervisor = clinic.signIn(practice.supervisor());
        String page = supervisor.read("/homework-standard?from=2026-11&to=2026-12");
        assertThat(page).contains("Figures for you and the clinicians whose clients you supervise, 2026-11 to 2026-12")
                .contains("Chris Primary").contains("November 2026 67% (2 of 3) 67% (2 of 3)")
                .contains("50% (1 of 2) 71% 3.0 1 of 2").doesNotContain("Olu Other").doesNotContain("Kim Client");
        MvcResult csv = supervisor.perform(get("/homework-standard.csv?from=2026-11&to=2026-11"));
        assertThat(csv.getResponse().getContentAsString()).contains(
                "Chris Primary,2026-11,3,2,3,2,3,").contains(",2,1,0.714,3.000,2,1\r\n");
        MvcResult bad = supervisor.perform(get("/api/v1/homework-standard?from=November"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"from\"");
    }

    @Test
    void theTrendsChartDrawsEachMonthsFiguresAndSaysThemInWords() throws Exception {
        WebSession supervisor = clinic.signIn(practice.supervisor());
        String html = supervisor.perform(get("/homework-standard?from=2026-11&to=2026-12")).getResponse().getContentAsString();
        // Rows: Sam Supervisor (0), Chris Primary (1); each has its chart above its table.
        assertThat(html).contains("<title id=\"standard-chart-1-title\">Chris Primary: the homework standard by month</title>")
                .contains("<desc id=\"standard-chart-1-desc\">Percent, month by month from November 2026 to December 2026, "
                        + "with dashed lines at the published rates (61% of sessions set homework, 50% of homework reviewed). "
                        + "Held sessions that set homework: November 2026 67% (2 of 3), December 2026 0% (0 of 1). "
                        + "Assignments linked to a goal: November 2026 67% (2 of 3). "
                        + "Due homework reviewed at the next session: November 2026 50% (1 of 2), December 2026 100% (1 of 1). "
                        + "Months with nothing to count are left out of the lines.</desc>")
                .contains("aria-labelledby=\"standard-chart-1-title standard-chart-1-desc\"");
        int start = html.lastIndexOf("<svg", html.indexOf("standard-chart-1-title"));
        String chris = html.substring(start, html.indexOf("</svg>", start));
        // Two months across 426 points of plot from x = 44: the middles of two halves, 150.5 and 363.5, with the
        // first series 7 points left of the middle and the third 7 right (equal figures stay visible side by side);
        // 0% at y = 240 (the axis), 100% at y = 14, two thirds at 89.3, a half at 127.0.
        assertThat(chris)
                .contains(">Nov 2026</text>").contains(">Dec 2026</text>")
                .contains("<circle class=\"mark mark-set\" cx=\"143.5\" cy=\"89.3\" r=\"4.5\"><title>November 2026: "
                        + "held sessions that set homework 67% (2 of 3)</title></circle>")
                .contains("<circle class=\"mark mark-set\" cx=\"356.5\" cy=\"240.0\" r=\"4.5\"><title>December 2026: "
                        + "held sessions that set homework 0% (0 of 1)</title></circle>")
                .contains("<polyline class=\"trend trend-set\" points=\"143.5,89.3 356.5,240.0\"/>")
                .contains("<polyline class=\"trend trend-reviewed\" points=\"157.5,127.0 370.5,14.0\"/>")
                .contains("<title>December 2026: due homework reviewed at the next session 100% (1 of 1)</title>")
                .contains("<title>November 2026: assignments linked to a goal 67% (2 of 3)</title>")
                .doesNotContain("December 2026: assignments linked").doesNotContain("trend trend-linked\" points")
                .contains("<title>61% published: sessions setting homework</title>")
                .contains("<title>50% published: homework reviewed</title>")
                .contains(">Sessions that set homework</text>").contains(">Reviewed at the next session</text>")
                .doesNotContain("style=").doesNotContain("<script").doesNotContain("Kim Client");
        assertThat(supervisor.read("/homework-standard?from=2026-11&to=2026-12"))
                .as("the table stays beside the chart").contains("November 2026 67% (2 of 3) 67% (2 of 3)")
                .contains("Every figure is in the table below.");
    }
}
