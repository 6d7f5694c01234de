package app.carryover.homework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change to an exposure hierarchy, in words ("Added “Rush-hour train” (80/100) as step 4"), with who and when. */
public record HierarchyRevision(int revision, Instant changedAt, UUID changedBy, List<String> changes) {
}
