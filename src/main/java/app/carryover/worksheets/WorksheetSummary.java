package app.carryover.worksheets;

import java.util.UUID;

import app.carryover.system.Actor;

/**
 * A worksheet as listed in the library: its latest version's title, purpose and suggested dose,
 * and whose it is. Built-ins have no owner and are visible to every clinician; a custom worksheet
 * is visible to its owner, and to the whole practice once {@code shared}.
 *
 * @param latestVersion the version an assignment made now would use
 * @param suggestedDose may be null
 * @param ownerName     the owner's name when the worksheet was created (null for built-ins)
 * @param copiedFromKey the worksheet this one was copied from, or null
 */
public record WorksheetSummary(String key, int latestVersion, String title, WorksheetCategory category,
        String purpose, SuggestedDose suggestedDose, boolean builtIn, boolean shared, UUID ownerId, String ownerName,
        String copiedFromKey, Integer copiedFromVersion) {

    /** Whether this person owns it, and so may save new versions of it and share it. */
    public boolean ownedBy(Actor actor) {
        return ownerId != null && ownerId.equals(actor.accountId());
    }

    /** The suggested dose in words, or null. */
    public String suggestedDoseText() {
        return suggestedDose == null ? null : suggestedDose.describe();
    }
}
