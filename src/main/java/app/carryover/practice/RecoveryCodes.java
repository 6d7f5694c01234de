package app.carryover.practice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.system.Uuids;

/**
 * One-time recovery codes: ten, shown once when a second factor is set up (or made anew), kept only as
 * SHA-256 hashes. Each has 80 random bits (16 Base32 characters, shown in groups of four), so the hashes
 * cannot be reversed by trying codes. A code stands in for the authenticator app once.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    /** Where new codes wait, in the session, for the one page that shows them. */
    static final String NEW_CODES = "carryover.newRecoveryCodes";
    private static final SecureRandom random = new SecureRandom();
    private static final Base32 BASE32 = new Base32();

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the account's codes with ten new ones and returns them, the only time they are seen. */
    List<String> replace(UUID practiceId, UUID accountId) {
        jdbc.sql("DELETE FROM recovery_code WHERE practice_id = ? AND account_id = ?").params(practiceId, accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            byte[] bits = new byte[10];
            random.nextBytes(bits);
            String code = BASE32.encodeAsString(bits);
            jdbc.sql("INSERT INTO recovery_code (practice_id, id, account_id, code_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(practiceId, Uuids.timeOrdered(), accountId, Tokens.hash(code),
                            PracticeRepository.ts(clock.instant()))
                    .update();
            codes.add(code.replaceAll("(.{4})(?!$)", "$1-"));
        }
        return codes;
    }

    /** Whether the text looks like a recovery code rather than a six-digit code from the app. */
    static boolean looksLikeOne(String text) {
        return text != null && normalise(text).length() == 16;
    }

    /** Uses the code if it is one of the account's unused codes; true when it was. */
    boolean use(UUID practiceId, UUID accountId, String text) {
        String code = normalise(text);
        if (code.length() != 16) {
            return false;
        }
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE practice_id = ? AND account_id = ? AND code_hash = ?"
                + " AND used_at IS NULL")
                .params(PracticeRepository.ts(clock.instant()), practiceId, accountId, Tokens.hash(code)).update() == 1;
    }

    int unused(UUID practiceId, UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE practice_id = ? AND account_id = ? AND used_at IS NULL")
                .params(practiceId, accountId).query(Integer.class).single();
    }

    void removeAll(UUID practiceId, UUID accountId) {
        jdbc.sql("DELETE FROM recovery_code WHERE practice_id = ? AND account_id = ?").params(practiceId, accountId).update();
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
