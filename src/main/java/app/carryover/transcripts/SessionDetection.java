package app.carryover.transcripts;

import java.util.List;

/**
 * What the detector found in one session: every therapist turn, whether any assigned homework or
 * reviewed earlier homework, and the assignments found.
 */
public record SessionDetection(String session, String clinician, List<DetectedTurn> turns, boolean homeworkAssigned,
                               boolean homeworkReviewed, List<DetectedAssignment> assignments) {

    public SessionDetection {
        turns = List.copyOf(turns);
        assignments = List.copyOf(assignments);
    }
}
