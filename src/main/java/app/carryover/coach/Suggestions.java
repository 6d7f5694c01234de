package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
                    + "action the client can do, a number, and a record, e.g. '" + capitalise(exampleFor(r).action())
                    + ", and note it on the " + exampleFor(r).record() + ".'"));
        }
        if (!linked) {
            out.add(new Suggestion(Label.LINKED, r.link() == TopicLinks.Verdict.NO_CONTEXT
                    ? "Add the client's goal or what the session worked on, and say how this task serves it."
                    : "Tie the task to the goal: say how it serves '" + shorten(r.input().goal().isBlank()
                            ? r.input().sessionFocus() : r.input().goal()) + "', or choose a task that practises what the "
                            + "session worked on."));
        }
        if (!specific && !redFlag) {
            out.add(new Suggestion(Label.SPECIFIC, "Name something the client will do rather than an attitude to hold: e.g. '"
                    + capitalise(exampleFor(r).action()) + "'."));
        }
        if (r.doseConflict() != null) {
            out.add(new Suggestion(Label.MEASURABLE, "The instructions say '" + r.doseConflict() + "' but the dose is "
                    + r.input().dose().rateInWords() + ": make them say the same, so the client knows how often."));
        } else if (!measurable && r.doseMeasurable()) {
            out.add(new Suggestion(Label.MEASURABLE, "The dose says how often, but there is nothing concrete to count yet: "
                    + "name the action first, then how often or how much."));
        } else if (!measurable) {
            out.add(new Suggestion(Label.MEASURABLE, "Say how often or how much: 'twice a day, after breakfast and before bed', "
                    + "'for 10 minutes', or a rating that triggers it: 'each time anxiety is 6/10 or higher'."));
        }
        if (!rationale) {
            out.add(new Suggestion(Label.RATIONALE, "Say why, or what to notice, in one sentence the client can repeat: e.g. '"
                    + exampleFor(r).notice() + "'"));
        }
        if (!structured) {
            out.add(new Suggestion(Label.STRUCTURED, "Name where it gets written down: e.g. 'note each time on the "
                    + exampleFor(r).record() + ", with a 0-10 rating', or give the steps in order."));
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
        return "'" + shorten(text.replace(" .", ".").replace(" ,", ",").replace(" '", "'")) + "'";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 60 ? t.substring(0, 57).strip() + "…" : t;
    }

    /** Example wording by topic: an action with a count, the record to keep, and what to notice. */
    private record Example(String action, String record, String notice) {
    }

    private static final Map<String, Example> EXAMPLES = Map.ofEntries(
            Map.entry("sleep", new Example("get up at 7am every day, weekends included", "sleep diary",
                    "Notice whether you fall asleep faster by the end of the week.")),
            Map.entry("eating", new Example("eat three meals and two snacks at the planned times every day", "food monitoring record",
                    "Regular eating takes away the pressure that sets up a binge.")),
            Map.entry("alcohol", new Example("keep Monday and Thursday alcohol-free and plan something for 7pm on both", "drink diary",
                    "This will show us which situations push the drinking up.")),
            Map.entry("substances", new Example("each time a craving is 5/10 or more, wait 15 minutes before deciding", "urge diary",
                    "Notice that the craving rises, peaks and passes.")),
            Map.entry("mood", new Example("on three days, do one planned activity you used to enjoy for 20 minutes", "activity schedule",
                    "This tests whether doing comes before feeling like it.")),
            Map.entry("worry", new Example("every day, keep a 15-minute worry slot at 6pm and postpone worries to it", "worry log",
                    "Notice how many worries still matter by 6pm.")),
            Map.entry("social", new Example("on three workdays, start one short conversation with a colleague", "experiment sheet",
                    "This tests whether people react the way your anxiety predicts.")),
            Map.entry("fear", new Example("three times this week, stay in the situation for 20 minutes without leaving early", "exposure record",
                    "Notice what happens to the anxiety when you stay.")),
            Map.entry("panic", new Example("once a day, bring on the sensations for 30 seconds, three times in a row", "exposure record",
                    "This shows you the sensations are uncomfortable, not dangerous.")),
            Map.entry("ocd", new Example("once a day, touch the bin lid and wait 30 minutes before washing", "ERP form",
                    "Notice that the anxiety falls without washing.")),
            Map.entry("thinking", new Example("on four days, fill in one thought record for the moment your mood drops most", "thought record",
                    "Writing it down helps us find the thoughts that keep the mood low.")),
            Map.entry("parenting", new Example("at least five times a day, praise your child straight away for the behaviour you want",
                    "tick chart", "Praise makes the behaviour more likely to happen again.")),
            Map.entry("relationship", new Example("on four evenings, spend 15 minutes talking about your day while the other listens",
                    "shared calendar", "Small, regular moments of attention rebuild closeness.")),
            Map.entry("pain", new Example("every day, do housework in 15-minute blocks with a 10-minute rest", "pacing chart",
                    "Steady activity avoids the boom-and-bust cycle.")),
            Map.entry("anger", new Example("each time your anger reaches 6/10, take a 20-minute time-out", "anger log",
                    "This shows you can step away before it boils over.")));

    private static final Example GENERIC = new Example("on five days, spend 10 minutes practising the skill from today's session",
            "practice log", "This will show us whether the practice helps.");

    private static Example exampleFor(Reading r) {
        for (String topic : TopicLinks.topics(List.of(r.goal(), r.focus(), r.title()))) {
            Example e = EXAMPLES.get(topic);
            if (e != null) {
                return e;
            }
        }
        return GENERIC;
    }
}
