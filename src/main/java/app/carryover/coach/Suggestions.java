package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;

import app.carryover.coach.CoachReport.Challenge;
import app.carryover.coach.CoachReport.Label;
import app.carryover.coach.CoachReport.Suggestion;

/** One plain-words suggestion for each failing label, with an example the clinician can adapt. */
final class Suggestions {

    private Suggestions() {
    }

    static List<Suggestion> of(Reading r, boolean linked, boolean specific, boolean measurable, boolean rationale,
            boolean structured, boolean redFlag, Challenge challenge) {
        List<Suggestion> out = new ArrayList<>();
        if (!r.judgeable()) {
            if (r.instructions().wordCount() == 0) {
                out.add(new Suggestion(Label.SPECIFIC,
                        "Write what the client will do, how often, and where they will record it, e.g. 'Walk for 15 minutes "
                                + "after lunch on five days this week and tick each walk on the activity log.'"));
            }
            return out;
        }
        if (redFlag) {
            out.add(new Suggestion(Label.RED_FLAG, "This reads as a vague intention (" + quote(r) + "). Turn it into one "
                    + "action the client can do, a number, and a record, e.g. 'On three evenings this week, " + example(r) + "'."));
        }
        if (!linked) {
            out.add(new Suggestion(Label.LINKED, r.link() == TopicLinks.Verdict.NO_CONTEXT
                    ? "Add the client's goal or what the session worked on, and say how this task serves it."
                    : "Tie the task to the goal: say how it serves '" + shorten(r.input().goal().isBlank()
                            ? r.input().sessionFocus() : r.input().goal()) + "', or choose a task that practises what the "
                            + "session worked on."));
        }
        if (!specific && !redFlag) {
            out.add(new Suggestion(Label.SPECIFIC, "Name a concrete action rather than an attitude: instead of 'feel more "
                    + "confident', 'write down one thing you did well each evening'."));
        }
        if (!measurable) {
            out.add(new Suggestion(Label.MEASURABLE, "Say how often or how much: 'twice a day, after breakfast and before bed', "
                    + "'for 10 minutes', or a rating that triggers it: 'each time anxiety is 6/10 or higher'."));
        }
        if (!rationale) {
            out.add(new Suggestion(Label.RATIONALE, "Say why, in one sentence the client can repeat: 'This tests whether …' "
                    + "or 'Notice what happens to the anxiety when you stay.'"));
        }
        if (!structured) {
            out.add(new Suggestion(Label.STRUCTURED, "Name where it gets written down: e.g. 'note each time on the "
                    + recordFor(r) + "', or give the steps in order."));
        }
        if (challenge == Challenge.TOO_HARD) {
            out.add(new Suggestion(Label.CHALLENGE, "The last step was not managed yet; repeat it or take the next small "
                    + "step up rather than jumping ahead."));
        } else if (challenge == Challenge.TOO_EASY) {
            out.add(new Suggestion(Label.CHALLENGE, "The last step looks mastered; move one step up the hierarchy or make it "
                    + "a little harder (longer, busier, without a safety behaviour)."));
        }
        return out;
    }

    private static String quote(Reading r) {
        String text = r.instructions().sentences.isEmpty() ? "" : String.join(" ", r.instructions().sentences.get(0).words);
        return "'" + shorten(text.replace(" .", ".").replace(" ,", ",")) + "'";
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 60 ? t.substring(0, 57).strip() + "…" : t;
    }

    /** A record fitting the topic of the goal, for the example. */
    private static String recordFor(Reading r) {
        String context = (r.input().goal() + " " + r.input().sessionFocus() + " " + r.input().title()).toLowerCase(java.util.Locale.ROOT);
        if (context.contains("sleep")) {
            return "sleep diary";
        }
        if (context.contains("drink") || context.contains("alcohol")) {
            return "drink diary";
        }
        if (context.contains("mood") || context.contains("depress") || context.contains("activit")) {
            return "activity schedule, with a 0-10 mood rating";
        }
        if (context.contains("worry")) {
            return "worry log";
        }
        if (context.contains("thought") || context.contains("critic")) {
            return "thought record";
        }
        if (context.contains("exposure") || context.contains("hierarchy") || context.contains("fear") || context.contains("anx")
                || context.contains("panic") || context.contains("phobia")) {
            return "exposure record, with anxiety 0-10 at the start, peak and end";
        }
        return "practice log";
    }

    private static String example(Reading r) {
        String context = (r.input().goal() + " " + r.input().sessionFocus()).toLowerCase(java.util.Locale.ROOT);
        if (context.contains("sleep")) {
            return "get up at the same time, 7am, and fill in the sleep diary";
        }
        if (context.contains("mood") || context.contains("depress") || context.contains("active")) {
            return "do one planned activity for 20 minutes and rate your mood 0-10 on the activity schedule";
        }
        if (context.contains("anx") || context.contains("fear") || context.contains("panic") || context.contains("phobia")) {
            return "stay in the situation for 20 minutes and rate anxiety 0-10 at start, peak and end on the exposure record";
        }
        return "spend 10 minutes on the skill we practised and note what happened on the practice log";
    }
}
