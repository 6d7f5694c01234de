package app.carryover.homework;

import java.time.Instant;
import java.util.UUID;

/**
 * A client asking for something to practise, optionally naming what they want to work on. It is
 * answered by a written reply or by a new assignment set after it.
 *
 * @param answeredBy the first assignment set after the request, if any
 */
public record HomeworkRequest(UUID practiceId, UUID id, UUID clientId, String topic, Instant createdAt, String reply,
        Instant repliedAt, UUID repliedBy, String repliedByName, Boolean replyMailed, UUID answeredBy,
        String answeredByTitle) {

    public boolean open() {
        return reply == null && answeredBy == null;
    }
}
