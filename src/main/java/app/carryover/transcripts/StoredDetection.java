package app.carryover.transcripts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the detector found in one transcript, as stored: a detected assignment (a draft the clinician
 * confirms, which links it to the assignment made from it, or dismisses) or a turn that reviews
 * earlier homework. {@code turnText} (the therapist's words) is deleted with the transcript text;
 * the evidence and the summary stay.
 */
record StoredDetection(UUID practiceId, UUID id, UUID transcriptId, int turn, Kind kind, HomeworkCategory category,
        Boolean specific, String summary, List<String> evidence, String turnText, State state, UUID assignmentId,
        Instant decidedAt, UUID decidedBy) {

    enum Kind { ASSIGNS, REVIEWS }

    enum State {
        PROPOSED, CONFIRMED, DISMISSED;

        public String words() {
            return this == PROPOSED ? "waiting for your decision" : name().toLowerCase(Locale.ROOT);
        }
    }

    StoredDetection {
        evidence = List.copyOf(evidence);
    }

    public boolean assigns() {
        return kind == Kind.ASSIGNS;
    }

    public boolean proposed() {
        return state == State.PROPOSED;
    }

    /** The category as LABELING.md writes it ("skill_practice"), or null for a review. */
    public String categoryLabel() {
        return category == null ? null : category.label();
    }
}
