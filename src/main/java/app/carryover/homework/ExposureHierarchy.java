package app.carryover.homework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's exposure hierarchy: situations in the order they are to be faced (usually by the distress
 * they are expected to bring), of any length; {@code revision} counts its edits.
 */
public record ExposureHierarchy(UUID id, UUID clientId, String title, List<ExposureStep> steps, int revision) {

    public Optional<ExposureStep> step(UUID stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The step above, if any. */
    public Optional<ExposureStep> after(UUID stepId) {
        return step(stepId).flatMap(s -> steps.stream().filter(o -> o.position() > s.position()).findFirst());
    }

    /** The step below, if any. */
    public Optional<ExposureStep> before(UUID stepId) {
        return step(stepId).flatMap(s -> steps.stream().filter(o -> o.position() < s.position())
                .reduce((a, b) -> b));
    }
}
