package app.carryover.system;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562), so new rows land at the end of their indexes. */
public final class Uuids {

    private static final SecureRandom random = new SecureRandom();

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long millis = System.currentTimeMillis();
        byte[] rand = new byte[10];
        random.nextBytes(rand);
        long high = (millis << 16) | 0x7000L | ((rand[0] & 0x0FL) << 8) | (rand[1] & 0xFFL);
        long low = 0x8000000000000000L | ((rand[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (rand[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
