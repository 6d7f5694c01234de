package app.carryover.transcripts.evaluation;

import java.util.Locale;
import app.carryover.transcripts.DetectedTurn;
import app.carryover.transcripts.SessionDetection;
import app.carryover.transcripts.TurnDetection;

/** Precision, recall and F1 per label and session-level accuracy, as the graders' scorer computes them. */
public final class Evaluation {

    public final Metrics assign = new Metrics();
    public final Metrics review = new Metrics();
    public final Metrics sessionAssigned = new Metrics();
    public final Metrics sessionReviewed = new Metrics();
    final Metrics specific = new Metrics();
    int categoryRight;
    int categoryCounted;

    public void add(LabelledData.Labels gold, TurnDetection predicted) {
        assign.add(gold.assigns(), predicted.assignsHomework());
        review.add(gold.reviews(), predicted.reviewsHomework());
        if (gold.assigns() && predicted.assignsHomework()) {
            categoryCounted++;
            if (gold.category() == predicted.category()) {
                categoryRight++;
            }
            if (gold.specific() != null) {
                specific.add(gold.specific(), Boolean.TRUE.equals(predicted.specific()));
            }
        }
    }

    public void add(LabelledData.Session gold, SessionDetection predicted) {
        boolean goldAssigned = false;
        boolean goldReviewed = false;
        for (DetectedTurn d : predicted.turns()) {
            LabelledData.Labels l = gold.turns().get(d.turn().number());
            if (l != null) {
                add(l, d.detection());
                goldAssigned |= l.assigns();
                goldReviewed |= l.reviews();
            }
        }
        for (LabelledData.Labels l : gold.turns().values()) {
            goldAssigned |= l.assigns();
            goldReviewed |= l.reviews();
        }
        sessionAssigned.add(gold.assigned() != null ? gold.assigned() : goldAssigned, predicted.homeworkAssigned());
        sessionReviewed.add(gold.reviewed() != null ? gold.reviewed() : goldReviewed, predicted.homeworkReviewed());
    }

    public void add(Evaluation other) {
        assign.add(other.assign);
        review.add(other.review);
        sessionAssigned.add(other.sessionAssigned);
        sessionReviewed.add(other.sessionReviewed);
        specific.add(other.specific);
        categoryRight += other.categoryRight;
        categoryCounted += other.categoryCounted;
    }

    public double categoryAccuracy() {
        return categoryCounted == 0 ? 0 : (double) categoryRight / categoryCounted;
    }

    public String report(String title) {
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append("  assigns_homework  ").append(assign.prf()).append('\n');
        b.append("  reviews_homework  ").append(review.prf()).append('\n');
        b.append(String.format(Locale.ROOT, "  category accuracy on true assignments found: %.3f (%d of %d)%n",
                categoryAccuracy(), categoryRight, categoryCounted));
        b.append(String.format(Locale.ROOT, "  specific accuracy on true assignments found: %s%n", specific.acc()));
        if (sessionAssigned.tp + sessionAssigned.fp + sessionAssigned.fn + sessionAssigned.tn > 0) {
            b.append("  session homework_assigned accuracy ").append(sessionAssigned.acc()).append('\n');
            b.append("  session homework_reviewed accuracy ").append(sessionReviewed.acc()).append('\n');
        }
        return b.toString();
    }
}
