package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.carryover.language.FunctionWords;
import app.carryover.language.PlainText;

/**
 * Everything the coach reads off one assignment before it decides: the cleaned, tokenised fields and
 * the cues found in them. Kept apart from the decisions so that tests and the cross-validation harness
 * can look at the evidence.
 */
record Reading(AssignmentText input, Passage goal, Passage focus, Passage title, Passage instructions, Passage previous,
        MeasureCues.Kind measure, boolean doseMeasurable, String record, boolean purpose, VagueCues.Evidence vague,
        TopicLinks.Verdict link, List<String> notes, boolean judgeable, boolean whyStated, String doseConflict) {

    /** Instructions longer than this are read only this far. */
    static final int MAX_INSTRUCTIONS = 4000;
    /** Goal, focus, title and previous step are short fields; longer ones are cut. */
    static final int MAX_FIELD = 600;

    static Reading of(AssignmentText in) {
        List<String> notes = new ArrayList<>();
        PlainText instructionsText = PlainText.of(in.instructions(), MAX_INSTRUCTIONS);
        PlainText titleText = PlainText.of(in.title(), MAX_FIELD);
        PlainText goalText = PlainText.of(in.goal(), MAX_FIELD);
        PlainText focusText = PlainText.of(in.sessionFocus(), MAX_FIELD);
        PlainText previousText = PlainText.of(in.previous() == null ? "" : in.previous().text(), MAX_FIELD);
        if (instructionsText.truncated()) {
            notes.add("The instructions are very long; only the first " + MAX_INSTRUCTIONS + " characters were read.");
        }
        if (instructionsText.hadMarkup() || titleText.hadMarkup()) {
            notes.add("Markup (HTML tags or entities) was removed before reading.");
        }
        Passage instructions = Passage.ofText(instructionsText.text());
        Passage title = Passage.ofPhrase(titleText.text());
        Passage goal = Passage.ofPhrase(goalText.text());
        Passage focus = Passage.ofPhrase(focusText.text());
        Passage previous = Passage.ofPhrase(previousText.text());

        boolean judgeable = true;
        if (instructions.wordCount() == 0) {
            judgeable = false;
            notes.add(instructionsText.droppedSymbols() > 0
                    ? "The instructions hold only symbols or emoji; there is no task to judge."
                    : "There are no instructions to judge.");
        } else if (!looksEnglish(instructions)) {
            judgeable = false;
            notes.add("The instructions do not look like English, which is the only language the coach reads; "
                    + "its labels for them are not a judgement.");
        }
        boolean doseMeasurable = in.dose() != null && in.dose().isMeasurable();
        MeasureCues.Kind measure = judgeable ? MeasureCues.find(instructions) : null;
        if (measure == null && judgeable) {
            measure = MeasureCues.find(title);
        }
        String record = judgeable ? RecordCues.find(instructions) : null;
        if (record == null && judgeable && RecordCues.bulletedSteps(in.instructions())) {
            record = RecordCues.BULLETS;
        }
        if (record == null && judgeable && !in.worksheet().isBlank()) {
            record = "the " + in.worksheet().strip() + " worksheet";
        }
        boolean purpose = judgeable && PurposeCues.find(instructions);
        PlainText whyText = PlainText.of(in.why(), MAX_FIELD);
        boolean whyStated = saysSomething(whyText.text());
        VagueCues.Evidence vague = VagueCues.of(instructions);
        List<Passage> task = whyStated ? List.of(title, instructions, Passage.ofPhrase(whyText.text()))
                : List.of(title, instructions);
        TopicLinks.Verdict link = TopicLinks.judge(List.of(goal, focus, previous), task);
        if (link == TopicLinks.Verdict.NO_CONTEXT) {
            notes.add("No goal or session focus was given, so the link to the client's work could not be checked.");
        }
        String doseConflict = judgeable ? StatedFrequency.conflict(titleText.text() + ". " + instructionsText.text(), in.dose())
                : null;
        return new Reading(in, goal, focus, title, instructions, previous, measure, doseMeasurable, record, purpose, vague,
                link, notes, judgeable, whyStated, doseConflict);
    }

    /** Placeholders that fill a Why field without saying why. */
    private static final Set<String> PLACEHOLDERS = Set.of("n a", "na", "none", "tbc", "tbd", "see above",
            "as above", "as discussed", "as agreed", "same as before", "same as last time", "to do", "not sure", "see notes",
            "see instructions");

    /** A Why field says something when it holds at least two words that are not a placeholder ("n/a", "see above"). */
    static boolean saysSomething(String why) {
        String words = why.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
        return !words.isEmpty() && words.indexOf(' ') > 0 && !PLACEHOLDERS.contains(words);
    }

    /** English prose is full of function words; a text with almost none is in another language. */
    private static boolean looksEnglish(Passage p) {
        String[] lower = p.allLower();
        int letterWords = 0;
        for (String t : lower) {
            if (FunctionWords.hasLetter(t)) {
                letterWords++;
            }
        }
        int words = p.wordCount();
        if (letterWords * 2 < words) {
            return false; // mostly another script
        }
        // short notes ("Continue resisting compulsions where possible.") can lack function words altogether
        return words < 8 || FunctionWords.share(lower) >= 0.08;
    }
}
