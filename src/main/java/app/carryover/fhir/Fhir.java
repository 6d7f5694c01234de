package app.carryover.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The systems and URLs Carryover's FHIR resources use, in one place. */
final class Fhir {

    /** Carryover's own extensions (only where FHIR has no standard element). */
    static final String CO = "https://carryover.app/fhir/StructureDefinition/";
    static final String CO_CODES = "https://carryover.app/fhir/CodeSystem/carryover";
    static final String QUESTIONNAIRES = "https://carryover.app/fhir/Questionnaire/";
    static final String IDENTIFIERS = "https://carryover.app/fhir/identifier/";
    static final String EXT = "http://hl7.org/fhir/StructureDefinition/";
    static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
    static final String ITEM_CONTROL = "http://hl7.org/fhir/questionnaire-item-control";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String LOINC = "http://loinc.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String SDC_TASK_CODES = "http://hl7.org/fhir/uv/sdc/CodeSystem/temp";

    static final String MEDIA_TYPE = "application/fhir+json";

    private Fhir() {
    }

    /** A stable id for something that has no id of its own (a Task for one day of one assignment). */
    static String derivedId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The canonical URL of a worksheet: built-ins under Carryover's, a practice's own under the practice. */
    static String questionnaireUrl(UUID practiceId, String key, boolean builtIn) {
        return builtIn ? QUESTIONNAIRES + key : "https://carryover.app/fhir/practices/" + practiceId + "/Questionnaire/" + key;
    }

    /** The resource id of a worksheet version: readable where it fits FHIR's 64 characters. */
    static String questionnaireId(String key, int version) {
        String id = key + "-v" + version;
        return id.length() <= 64 ? id : derivedId("questionnaire", key, Integer.toString(version));
    }
}
