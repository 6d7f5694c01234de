package app.carryover.practice;

import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in attempt failed. The practice and account are known only when the e-mail address
 * belongs to an account; the address typed is never kept beyond the throttle's window.
 */
public record SignInFailed(UUID practiceId, UUID accountId, String step, String address, Instant at) {
}
