package app.carryover.reminders;

import java.util.UUID;

/**
 * Whom a message goes to, as the channels look up their address.
 *
 * @param email the client's account address
 * @param phone their number for text messages in E.164 form, or null
 */
public record Recipient(UUID practiceId, UUID clientId, String email, String phone) {
}
