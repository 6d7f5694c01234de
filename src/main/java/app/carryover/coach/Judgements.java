package app.carryover.coach;

import app.carryover.coach.VagueCues.Evidence;

/** The rules that turn the cues of a {@link Reading} into the red-flag and specific labels. */
final class Judgements {

    private Judgements() {
    }

    /** A vague, unstructured form: an attitude, a bare 'more/less', or a look back at the session, with nothing concrete to do. */
    static boolean redFlag(Reading r) {
        // a bulleted list is steps only when its items are tasks: "- relax more\n- look after yourself" is still vague
        if (!r.judgeable() || r.record() != null && !RecordCues.BULLETS.equals(r.record())) {
            return false;
        }
        Evidence v = r.vague();
        boolean vague = v.attitudeHead() || v.bareComparative() || v.sessionReference() && v.hedges() > 0
                || v.hedges() > 0 && v.words() <= 12
                || v.abstractObject() && r.measure() == null && !r.doseMeasurable();
        // nouns after "think about" or "consider" are what to think about, not something to do
        boolean concrete = v.actionHead() && v.concreteNouns() >= 1 || !v.attitudeHead() && v.concreteNouns() >= 3
                || r.measure() == MeasureCues.Kind.COUNT;
        if (vague && v.timeOnAttitude() && !v.bareComparative()) {
            return false; // time set aside for an attitude: not specific, but not the bare vague form either
        }
        // a very short task with nothing concrete to do it to ("Trust the process.") is vague in any words
        boolean bareShort = v.words() <= 8 && r.measure() == null
                && (v.concreteNouns() == 0 || !v.actionHead() && v.concreteNouns() <= 1);
        return vague && !concrete || bareShort;
    }

    static boolean specific(Reading r) {
        Evidence v = r.vague();
        return r.record() != null || v.actionHead() || !v.attitudeHead();
    }
}
