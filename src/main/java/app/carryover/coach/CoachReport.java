package app.carryover.coach;

import java.util.List;
import java.util.Locale;

/**
 * What the coach found in one assignment: the labels of LABELING.md §2, one plain-words suggestion for
 * each label that failed, and notes on what it could not judge (empty text, another language, text cut
 * short). {@code challenge} is null unless a previous step was given.
 */
public record CoachReport(boolean linked, boolean specific, boolean measurable, boolean rationale, boolean structured,
        boolean redFlag, Challenge challenge, Overall overall, List<Suggestion> suggestions, List<String> notes) {

    public CoachReport {
        suggestions = List.copyOf(suggestions);
        notes = List.copyOf(notes);
    }

    /** The labels a suggestion can be about. */
    public enum Label {
        LINKED, SPECIFIC, MEASURABLE, RATIONALE, STRUCTURED, RED_FLAG, CHALLENGE
    }

    /** How hard the new step is, judged against the previous one and how much of it was done. */
    public enum Challenge {
        TOO_EASY, APPROPRIATE, TOO_HARD;

        /** The name used in the data files: {@code too_easy}, {@code appropriate}, {@code too_hard}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The overall verdict: professional (linked, specific, measurable, not a red flag), red flag, or needs work. */
    public enum Overall {
        PROFESSIONAL, RED_FLAG, NEEDS_WORK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A suggestion for one failing label, in words a clinician can act on. */
    public record Suggestion(Label label, String text) {
    }

    /** The suggestion for {@code label}, or null when that label passed. */
    public String suggestionFor(Label label) {
        for (Suggestion s : suggestions) {
            if (s.label() == label) {
                return s.text();
            }
        }
        return null;
    }
}
