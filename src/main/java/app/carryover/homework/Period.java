package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The homework period of an assignment: from its first day to the moment it is due. Practice counts
 * when it happened on or after the first day and before the due moment — so practice on the morning
 * of a 15:00 session counts towards that session, and practice after it does not. Practice is
 * expected on the days before the due day.
 *
 * <p>This is the one place that says which entries belong to a period: adherence, the client's Today,
 * the review and the clinician's pages all ask it.
 *
 * @param firstDay  the first day of practice (client-local)
 * @param expectUntil the first day (client-local) on which no more practice is expected; null while
 *                  the due moment is unknown
 * @param dueAt     the moment the period ends (the due session's start, or the end of the due date);
 *                  null while unknown
 * @param dueDateEnd for a set due date, the first day after it: entries then count by their own date,
 *                  fixed when written, rather than by the instant (a later move of zone never moves them)
 */
public record Period(LocalDate firstDay, LocalDate expectUntil, Instant dueAt, LocalDate dueDateEnd) {

    /** Whether practice at this moment, on this client-local date, counts towards the period. */
    public boolean holds(Instant occurredAt, LocalDate localDate) {
        if (localDate.isBefore(firstDay)) {
            return false;
        }
        if (dueDateEnd != null) {
            return localDate.isBefore(dueDateEnd);
        }
        return dueAt == null || occurredAt.isBefore(dueAt);
    }

    public boolean holds(PracticeEntry e) {
        return holds(e.occurredAt(), e.localDate());
    }

    /** Whether the period has ended by this moment. */
    public boolean over(Instant now) {
        return dueAt != null && !now.isBefore(dueAt);
    }
}
