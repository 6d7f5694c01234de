package app.carryover.caseload;

import java.util.List;
import java.util.UUID;

/**
 * What a client is agreeing to, said plainly beside the choice on their privacy page: what is done,
 * what is kept and for how long, and who sees it. The module that does the thing supplies the words
 * (with its practice's own settings), so the explanation says what really happens; the transcripts
 * module explains {@link ConsentKind#TRANSCRIPT_ANALYSIS}.
 */
public interface ConsentExplanation {

    /** The consent these words explain. */
    ConsentKind kind();

    /** The explanation, one paragraph an entry, for a client of this practice. */
    List<String> paragraphs(UUID practiceId);

    /** What withdrawing does, beyond stopping the thing, one line an entry (may be empty). */
    default List<String> onWithdrawal(UUID practiceId) {
        return List.of();
    }
}
