package app.carryover.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.carryover.homework.AdherenceHistory;
import app.carryover.measures.Instruments;
import app.carryover.measures.MeasureAdministration;

/**
 * The quality of one assignment's practice on the 0–4 scale, from the best source there is: the
 * clinician's homework rating ("how closely did the practice follow what was agreed"), else the
 * clinician's rating at review, else the client's own rating ("how well could you do it the way you
 * planned"), else the client's rating at review. For a client's own view the clinician's ratings are
 * never used. The latest rating of each kind counts.
 */
final class Quality {

    /** The quality item of both homework ratings (item 2). */
    private static final int QUALITY_ITEM = 1;

    private Quality() {
    }

    static Map<UUID, Double> perAssignment(List<MeasureAdministration> administrations,
            Collection<AdherenceHistory.AssignmentFacts> assignments, boolean forClient) {
        String byClinician = Instruments.homeworkByClinician().key();
        String byClient = Instruments.homeworkByClient().key();
        Map<UUID, Integer> clinicianRated = new HashMap<>();
        Map<UUID, Integer> clientRated = new HashMap<>();
        for (MeasureAdministration a : administrations) {
            if (a.assignmentId() == null || a.answers().size() <= QUALITY_ITEM || a.answers().get(QUALITY_ITEM) == null) {
                continue;
            }
            if (a.instrument().equals(byClinician) && !forClient) {
                clinicianRated.put(a.assignmentId(), a.answers().get(QUALITY_ITEM));
            } else if (a.instrument().equals(byClient)) {
                clientRated.put(a.assignmentId(), a.answers().get(QUALITY_ITEM));
            }
        }
        Map<UUID, Double> quality = new HashMap<>();
        for (AdherenceHistory.AssignmentFacts f : assignments) {
            Integer q = forClient ? null : clinicianRated.get(f.assignmentId());
            if (q == null && !forClient) {
                q = f.clinicianRating();
            }
            if (q == null) {
                q = clientRated.get(f.assignmentId());
            }
            if (q == null) {
                q = f.clientRating();
            }
            if (q != null) {
                quality.put(f.assignmentId(), q.doubleValue());
            }
        }
        return quality;
    }
}
