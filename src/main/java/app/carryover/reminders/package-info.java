/**
 * Reminders between sessions: plans derived from each assignment's dose in the client's time zone
 * and from the questionnaires due (the measures module's schedules),
 * at times the client chose and outside their quiet hours; messages on the channels they agreed to
 * (e-mail, text message; a private calendar feed), sent exactly once across nodes and crashes on the
 * shared background-work scheduler; the delivery funnel; escalation when practice stops; and the
 * clinicians' morning digest.
 *
 * <p>Its public surface: {@link app.carryover.reminders.ReminderChannel} (a channel that sends a
 * message, for modules adding one such as Web Push) with {@link app.carryover.reminders.OutgoingMessage}
 * and {@link app.carryover.reminders.Delivery} and {@link app.carryover.reminders.Recipient}. See docs/reminders.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminders",
        allowedDependencies = {"system", "audit", "practice", "caseload", "sessions", "measures", "homework"})
package app.carryover.reminders;
