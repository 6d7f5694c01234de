package app.carryover.homework;

import java.time.Instant;
import java.util.UUID;

/**
 * What a client said about one assignment, and the care team's written reply. Both are the
 * client's own conversation: nothing here is clinician-only.
 *
 * @param body        the client's words (needed for a question or a change; optional otherwise)
 * @param assignmentChangedAt when the assignment was first changed after this, if it was
 * @param replyMailed whether a notice of the reply (without its words) was e-mailed; null before a reply
 */
public record AssignmentResponse(UUID practiceId, UUID id, UUID clientId, UUID assignmentId, String assignmentTitle,
        ResponseKind kind,
        String body, Instant createdAt, String reply, Instant repliedAt, UUID repliedBy, String repliedByName,
        Boolean replyMailed, Instant assignmentChangedAt) {

    public boolean replied() {
        return reply != null;
    }

    /** A question, a difficulty or a change the care team has answered neither in words nor by changing the assignment. */
    public boolean awaitingReply() {
        return kind.needsReply() && reply == null && assignmentChangedAt == null;
    }

    /** Whether the assignment was changed after the client said this (an answer too, with its history kept). */
    public boolean answeredByChange() {
        return assignmentChangedAt != null;
    }
}
