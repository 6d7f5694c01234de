package app.carryover.homework;

import java.time.LocalDate;
import java.util.List;

import app.carryover.sessions.TherapySession;

/**
 * Where an assignment stands now: when it is due (the next session unless a date was set,
 * skipping cancelled and no-show sessions and sessions where its review was deferred), adherence
 * so far and over its whole period, today's count, and whether it reached a held session without
 * being reviewed.
 *
 * @param dueSession     the session it is due at, or null when none is scheduled yet
 * @param period         the homework period: which practice counts towards it (see {@link Period})
 * @param whole          adherence over the whole period, or null while its end is unknown
 * @param expectedToday  practice expected today for daily doses; null for doses counted over the period
 * @param unreviewed     true when its due session was held and it has not been reviewed (the flag)
 */
public record AssignmentProgress(Assignment assignment, TherapySession dueSession, Period period,
        Adherence soFar, Adherence whole, int doneToday, Double expectedToday, boolean unreviewed,
        List<Review> reviews) {

    /** The non-deferred review, once there is one. */
    public Review review() {
        return reviews.stream().filter(r -> !r.deferred()).findFirst().orElse(null);
    }

    public boolean reviewed() {
        return review() != null;
    }

    /** The first day (client-local) on which no more practice is expected, or null while unknown. */
    public LocalDate periodEnd() {
        return period.expectUntil();
    }

    /** Whether this entry counts towards the period. */
    public boolean counts(PracticeEntry entry) {
        return period.holds(entry);
    }
}
