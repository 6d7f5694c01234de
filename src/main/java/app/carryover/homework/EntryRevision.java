package app.carryover.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An earlier version of a practice entry, kept when the client changed or removed it, so the care
 * team can see what was first recorded.
 *
 * @param replacedAt when this version stopped being the current one
 */
public record EntryRevision(int revision, Instant occurredAt, LocalDate localDate, Integer rating, String note,
        String answers, Instant replacedAt) {

    /** Whether this version recorded the same as another (a removal and its undo keep identical copies). */
    boolean sameAs(Integer otherRating, String otherNote, String otherAnswers, LocalDate otherDay) {
        return Objects.equals(rating, otherRating) && Objects.equals(note, otherNote)
                && Objects.equals(answers, otherAnswers) && localDate.equals(otherDay);
    }
}
