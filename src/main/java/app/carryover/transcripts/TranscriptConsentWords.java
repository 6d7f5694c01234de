package app.carryover.transcripts;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ConsentExplanation;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Retention;

/**
 * What a client agrees to when they agree to transcript analysis, in plain words beside the choice on
 * their privacy page: what is done with a transcript, what is kept and for how long (with the practice's
 * own retention rules), and who sees it.
 */
@Component
class TranscriptConsentWords implements ConsentExplanation {

    private final TranscriptRetention retention;
    private final Retention records;

    TranscriptConsentWords(TranscriptRetention retention, Retention records) {
        this.retention = retention;
        this.records = records;
    }

    @Override
    public ConsentKind kind() {
        return ConsentKind.TRANSCRIPT_ANALYSIS;
    }

    @Override
    public List<String> paragraphs(UUID practiceId) {
        int years = records.years(practiceId);
        return List.of(
                "What happens: your clinician may upload the written transcript of one of your sessions (a text file of what "
                        + "was said, not a recording). Carryover reads it on your practice's own Carryover server to find the "
                        + "homework the two of you agreed and the earlier homework you talked about. Nothing is sent to another "
                        + "company or to an outside AI service, and nothing is given to you as homework without your clinician: "
                        + "they check every suggestion and decide.",
                "What is kept, and for how long: the text of the transcript is " + textKept(practiceId) + ". What was found in "
                        + "it (a line about each task, the few words that showed it, and which earlier homework was discussed) "
                        + "stays in your record with your clinician's other notes, as long as the practice keeps your record ("
                        + years + (years == 1 ? " year" : " years") + " after your care ends).",
                "Who sees it: only the clinicians on your care team see the transcript and what was found in it. The practice's "
                        + "administrators see figures only, such as how many sessions set homework, never the words. Every time "
                        + "someone opens it, that is recorded.",
                "It is your choice: saying no, or withdrawing later, does not change your care. Your clinician simply "
                        + "writes your homework by hand.");
    }

    @Override
    public List<String> onWithdrawal(UUID practiceId) {
        return List.of("No new transcript of your sessions can be uploaded for analysis. The text of transcripts already "
                + "uploaded is deleted as before (" + textKept(practiceId) + "); what was found in them stays in your record.");
    }

    /** The practice's rule for the text, as a client reads it. */
    private String textKept(UUID practiceId) {
        RetentionRule rule = retention.rule(practiceId);
        return rule.mode() == RetentionRule.Mode.DAYS
                ? "kept for " + rule.days() + (rule.days() == 1 ? " day" : " days") + " after it is uploaded, then deleted"
                : "deleted as soon as your clinician has decided about each task found in it (at once if none was found)";
    }
}
