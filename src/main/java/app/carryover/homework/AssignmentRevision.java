package app.carryover.homework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to an assignment: the revision it made, who made it and when, each field's value before
 * and after in words, and the clinician's note. Revision 1 is the assignment as first set.
 */
public record AssignmentRevision(int revision, Instant changedAt, UUID changedBy, List<FieldChange> changes, String note) {

    /** One field before and after ("—" for none). */
    public record FieldChange(String field, String from, String to) {
    }
}
