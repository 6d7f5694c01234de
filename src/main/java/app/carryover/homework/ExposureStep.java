package app.carryover.homework;

import java.util.UUID;

/** One situation of an exposure hierarchy, with the distress the client expects from it (0–100). */
public record ExposureStep(UUID id, UUID hierarchyId, int position, String situation, int anticipatedDistress) {
}
