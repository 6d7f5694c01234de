package app.carryover.coach;

import java.util.ArrayList;
import java.util.List;

import app.carryover.coach.CoachReport.Challenge;
import app.carryover.coach.CoachReport.Overall;

/**
 * The assignment quality coach. {@link #analyse(AssignmentText)} reads an assignment and returns the
 * labels of LABELING.md §2 with a suggestion for each failing one. Safe to call from many threads, fast
 * enough to call on every keystroke (well under a millisecond for a typical assignment), and it never
 * throws on bad input: empty, enormous, non-English or marked-up text gives a report whose notes say
 * what could not be judged.
 */
public final class AssignmentCoach {

    private AssignmentCoach() {
    }

    public static CoachReport analyse(AssignmentText assignment) {
        AssignmentText in = assignment == null ? AssignmentText.of("", "", "", "") : assignment;
        try {
            return decide(Reading.of(in));
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of ours must not break the composer: say so instead of guessing
            return new CoachReport(false, false, false, false, false, false, null, Overall.NEEDS_WORK, List.of(),
                    List.of("The coach could not read this assignment (" + e.getClass().getSimpleName() + ")."));
        }
    }

    static CoachReport decide(Reading r) {
        List<String> notes = new ArrayList<>(r.notes());
        boolean structured = r.record() != null;
        boolean rationale = r.purpose() || r.whyStated() && r.judgeable();
        boolean redFlag = Judgements.redFlag(r);
        boolean specific = !redFlag && Judgements.specific(r);
        // the structured dose counts how often the named action is done: an attitude has nothing to count, and a
        // dose that contradicts the instructions' own words leaves the client unsure how often
        boolean measurable = r.doseConflict() == null
                && (r.measure() != null || r.doseMeasurable() && specific && r.judgeable());
        if (redFlag) {
            structured = false;
        }
        boolean linked = r.link() == TopicLinks.Verdict.LINKED;
        if (!r.judgeable()) {
            redFlag = false;
            specific = false;
        }
        Challenge challenge = null;
        if (r.input().previous() != null && !r.input().previous().isEmpty()) {
            if (r.judgeable()) {
                challenge = ChallengeJudge.judge(r.input().previous(), r.previous(), r.title(), r.instructions());
            } else {
                notes.add("A previous step was given, but without readable instructions the challenge could not be judged.");
            }
        }
        Overall overall = redFlag ? Overall.RED_FLAG
                : linked && specific && measurable ? Overall.PROFESSIONAL : Overall.NEEDS_WORK;
        return new CoachReport(linked, specific, measurable, rationale, structured, redFlag, challenge, overall,
                Suggestions.of(r, linked, specific, measurable, rationale, structured, redFlag, challenge), notes);
    }
}
