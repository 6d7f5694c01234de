package app.carryover.fhir;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * A quick log ("Done", with an optional 0–10 rating and a note) has no worksheet; it is exported
 * against this fixed questionnaire so every response in a bundle names the questions it answers.
 */
final class QuickLog {

    static final String URL = Fhir.QUESTIONNAIRES + "quick-log";
    static final String VERSION = "1";
    static final String ID = "quick-log-v1";
    static final String RATING = "rating";
    static final String RATING_TEXT = "How did it go? (0-10)";
    static final String NOTE = "note";
    static final String NOTE_TEXT = "Note";

    private QuickLog() {
    }

    static Questionnaire questionnaire() {
        Questionnaire q = new Questionnaire();
        q.setId(ID);
        q.setUrl(URL);
        q.setVersion(VERSION);
        q.setName("quick_log");
        q.setTitle("Quick practice log");
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setDescription("A practice marked done, with an optional rating of how it went and a note.");
        var rating = q.addItem().setLinkId(RATING).setText(RATING_TEXT).setType(QuestionnaireItemType.INTEGER);
        rating.addExtension(Fhir.EXT + "minValue", new IntegerType(0));
        rating.addExtension(Fhir.EXT + "maxValue", new IntegerType(10));
        q.addItem().setLinkId(NOTE).setText(NOTE_TEXT).setType(QuestionnaireItemType.TEXT).setMaxLength(2000);
        return q;
    }
}
