package app.carryover.system;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562), so new rows land at the end of their indexes. Within one
 * node they are strictly increasing (RFC 9562 §6.2 method 1: the 12-bit {@code rand_a} field is a counter,
 * started at a random value below half its range each millisecond and carried into the next millisecond
 * when it runs out), so ordering rows by id follows the order they were made in — two detections of one
 * transcript turn, made in the same millisecond, keep the turn's order.
 */
public final class Uuids {

    private static final SecureRandom random = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long millis;
        int sequence;
        synchronized (Uuids.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                if (++counter > 0xFFF) {
                    millis++;
                    counter = random.nextInt(0x800);
                }
            } else {
                counter = random.nextInt(0x800);
            }
            lastMillis = millis;
            sequence = counter;
        }
        byte[] rand = new byte[8];
        random.nextBytes(rand);
        long high = (millis << 16) | 0x7000L | sequence;
        long low = 0x8000000000000000L | ((rand[0] & 0x3FL) << 56);
        for (int i = 1; i < 8; i++) {
            low |= (rand[i] & 0xFFL) << (8 * (7 - i));
        }
        return new UUID(high, low);
    }
}
