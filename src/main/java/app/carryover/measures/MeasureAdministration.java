package app.carryover.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One completed questionnaire or rating: the answers as given (null for an unanswered item), the
 * score worked out when it was saved, who answered and how, and what it was about.
 *
 * @param instrument   the instrument's key ({@link Instrument#key()})
 * @param submissionId the id the client's device made for this submission, so a retry never counts twice
 * @param answeredBy   the account that entered it (the client, or the clinician in session)
 * @param mode         how it was given
 * @param sessionId    the session it was given in or before, or null
 * @param assignmentId the assignment a homework rating is about, or null
 * @param localDate    the client's local date when it was answered, fixed then
 */
public record MeasureAdministration(UUID practiceId, UUID id, UUID clientId, String instrument, UUID submissionId,
        UUID answeredBy, Mode mode, UUID sessionId, UUID assignmentId, List<Integer> answers, Integer total,
        boolean prorated, int missing, String band, boolean risk, Instant answeredAt, LocalDate localDate) {

    /** How a questionnaire was given. */
    public enum Mode {
        /** The client answered on their own, on their phone or computer. */
        SELF("answered by the client"),
        /** A clinician entered the client's answers during a session (or from paper). */
        IN_SESSION("given in session");

        private final String words;

        Mode(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public boolean scored() {
        return total != null;
    }
}
