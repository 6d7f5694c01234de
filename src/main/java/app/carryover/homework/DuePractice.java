package app.carryover.homework;

import java.time.LocalDate;
import java.util.UUID;

import app.carryover.sessions.TherapySession;

/**
 * What background work (reminders) needs to know about one open assignment: its dose and period,
 * how much was done, and whether the client has looked back on it before its session. Never
 * clinician-only material.
 *
 * @param periodEnd     the first client-local day after its period, or null while no session is set
 * @param expectedSoFar practice expected from the start until today
 * @param doneSoFar     practice that counts so far, after the daily caps
 * @param lastLogged    the client-local date of the latest entry, or null when none yet
 * @param dueSession    the session it is due at, or null
 * @param reflected     true when the client has written their reflection for the review
 * @param unreviewed    true when it reached a held session without being reviewed (the flag)
 */
public record DuePractice(UUID assignmentId, String title, Dose dose, LocalDate startDate, LocalDate periodEnd,
        boolean paused, int doneToday, double expectedSoFar, double doneSoFar, LocalDate lastLogged,
        TherapySession dueSession, boolean reflected, boolean unreviewed) {
}
