package app.carryover.transcripts;

import java.util.List;

/**
 * One session's turns in order. {@code session} names it (for files, the path below the input
 * folder, with its extension); {@code clinician} is who ran it where the file or folder says so
 * (else empty); {@code notes} are what the import decided and the user may want to know
 * ("guessed 'Dr Lee' as the therapist").
 */
public record Transcript(String session, String clinician, List<Turn> turns, List<String> notes) {

    public Transcript {
        turns = List.copyOf(turns);
        notes = List.copyOf(notes);
        clinician = clinician == null ? "" : clinician;
    }
}
