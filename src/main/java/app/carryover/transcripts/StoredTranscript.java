package app.carryover.transcripts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import app.carryover.transcripts.reading.TranscriptFormat;

/**
 * A transcript uploaded to a client's session. {@code text} is null once deleted under the practice's
 * retention rule ({@code textDeletedAt} says when and {@code textDeletedReason} why); the verdicts stay.
 * {@code sessionStartsAt} is the session's start as at upload, for the audit's date range.
 */
record StoredTranscript(UUID practiceId, UUID id, UUID clientId, UUID sessionId, UUID clinicianId, UUID uploadedBy,
        String fileName, TranscriptFormat format, int sizeBytes, String speakers, int therapistTurns,
        boolean homeworkAssigned, boolean homeworkReviewed, String importNotes, String text, Instant uploadedAt,
        Instant textDeletedAt, String textDeletedReason, Instant sessionStartsAt) {

    public boolean textKept() {
        return textDeletedAt == null;
    }

    /** What the import decided, one note a line. */
    public List<String> notes() {
        return importNotes == null ? List.of() : List.of(importNotes.split("\n"));
    }
}
