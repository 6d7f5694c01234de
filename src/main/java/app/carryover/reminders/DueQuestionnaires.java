package app.carryover.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientRecord;
import app.carryover.measures.DueMeasure;
import app.carryover.measures.MeasureSchedules;

/**
 * The questionnaires a client should answer, as reminder windows: read from the measures module's
 * schedules (which work the windows out from sessions and answers), keyed by schedule and opening so
 * a window's reminders are planned and checked once.
 */
@Component
class DueQuestionnaires {

    private final MeasureSchedules schedules;

    DueQuestionnaires(MeasureSchedules schedules) {
        this.schedules = schedules;
    }

    /** The windows open at an instant (nothing for a discharged client). */
    List<ReminderPlan.MeasureWindow> at(ClientRecord client, Instant at) {
        return schedules.dueOf(client, at).stream()
                .map(d -> new ReminderPlan.MeasureWindow(key(d), d.opens(), d.closes())).toList();
    }

    /** The keys of the windows still unanswered at an instant. */
    Set<String> keysAt(ClientRecord client, Instant at) {
        return at(client, at).stream().map(ReminderPlan.MeasureWindow::key).collect(Collectors.toSet());
    }

    /** "PHQ9/{schedule}@{opening}": the instrument first, so an answer finds its reminders. */
    static String key(DueMeasure due) {
        return due.instrument() + "/" + due.scheduleId() + "@" + due.opens().getEpochSecond();
    }
}
