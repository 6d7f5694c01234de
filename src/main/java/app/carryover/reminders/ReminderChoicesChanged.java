package app.carryover.reminders;

import java.util.UUID;

/**
 * Published by {@link ReminderPreferences} when a client's reminder choices change, so {@link ReminderPlanner} plans
 * them again. Internal to {@code reminders}.
 */
record ReminderChoicesChanged(UUID practiceId, UUID clientId) {
}
