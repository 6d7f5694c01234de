package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.List;

/**
 * The therapist's words of a turn cut into pieces, with the evidence the detector named marked, so a
 * page can show them highlighted without writing markup from text. Evidence that is not in the turn
 * (the client's words before it, a note that a turn continues a review) is kept aside.
 */
record Highlights(List<Piece> pieces, List<String> elsewhere) {

    /** A run of the turn's text; {@code evidence} when it is one of the deciding words. */
    record Piece(String text, boolean evidence) {
    }

    static Highlights of(String text, List<String> evidence) {
        List<String> elsewhere = new ArrayList<>();
        if (text == null) {
            return new Highlights(List.of(), List.copyOf(evidence));
        }
        boolean[] marked = new boolean[text.length()];
        for (String e : evidence) {
            String words = e.strip();
            int at = words.isEmpty() || words.startsWith("client: ") ? -1 : find(text, words, 0);
            if (at < 0) {
                elsewhere.add(e);
                continue;
            }
            while (at >= 0) {
                for (int i = at; i < at + words.length(); i++) {
                    marked[i] = true;
                }
                at = find(text, words, at + words.length());
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                pieces.add(new Piece(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return new Highlights(List.copyOf(pieces), List.copyOf(elsewhere));
    }

    /** Where {@code words} next occur in {@code text} from {@code from}, ignoring case; -1 if nowhere. */
    private static int find(String text, String words, int from) {
        for (int i = from; i + words.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, words, 0, words.length())) {
                return i;
            }
        }
        return -1;
    }
}
