package app.carryover.progress;

import org.springframework.stereotype.Component;

import app.carryover.measures.Change;
import app.carryover.measures.Instrument;

/** Change in plain words for the client's own page (the clinician's page names the criteria instead). */
@Component("progressWords")
class ProgressWords {

    /** "Your latest PHQ-9 score is 9 of 27 (mild). When you started it was 16: 7 lower, a clear improvement." */
    public String forClient(ClientProgress.Series s) {
        return plain(s.instrument(), s.latest(), s.change());
    }

    static String plain(Instrument instrument, ClientProgress.ScorePoint latest, Change c) {
        String name = instrument.name();
        boolean single = instrument.measure() == null;
        StringBuilder words = new StringBuilder("Your latest ").append(name).append(single ? " is " : " score is ")
                .append(latest.total());
        if (!single) {
            words.append(" of ").append(instrument.maxTotal());
        }
        if (latest.band() != null) {
            words.append(" (").append(latest.band()).append(')');
        }
        words.append('.');
        if (c.sinceBaseline() == null) {
            return words.append(" This is your first one, so later answers will show how things change.").toString();
        }
        int delta = c.sinceBaseline();
        words.append(" When you started it was ").append(c.baseline()).append(": ");
        if (delta == 0) {
            words.append("the same.");
        } else {
            words.append(Math.abs(delta)).append(delta < 0 ? " lower" : " higher");
            switch (c.status()) {
                case RELIABLE_IMPROVEMENT -> words.append(", a clear improvement.");
                case RELIABLE_DETERIORATION -> words.append(", a clear rise: worth talking over with your clinician.");
                default -> words.append('.');
            }
        }
        return words.toString();
    }
}
