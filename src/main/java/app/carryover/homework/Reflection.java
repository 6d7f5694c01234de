package app.carryover.homework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The client's own look back at an assignment, answerable before the session from a prompt. */
public record Reflection(UUID assignmentId, String learned, String gotInTheWay, List<Obstacle> obstacles, Integer selfRating,
        Instant submittedAt) {
}
