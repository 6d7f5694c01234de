package app.carryover.homework;

import java.time.Instant;
import java.util.UUID;

/**
 * A client sent their care team something to answer: a question, a difficulty or a change about an
 * assignment, or a request for something to practise ("Got it" needs no answer and is not announced).
 * Carries no words: listeners that tell someone must not pass the client's words on.
 */
public record ClientSpokeUp(UUID practiceId, UUID clientId, Instant at) {
}
