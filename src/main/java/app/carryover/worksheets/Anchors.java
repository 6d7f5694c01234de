package app.carryover.worksheets;

/**
 * Words at the ends (and optionally the middle) of a rating scale, such as
 * "0 = no distress" and "100 = the most distress I can imagine". {@code mid} may be null.
 */
public record Anchors(String min, String mid, String max) {

    public static Anchors of(String min, String max) {
        return new Anchors(min, null, max);
    }

    public static Anchors of(String min, String mid, String max) {
        return new Anchors(min, mid, max);
    }
}
