package app.carryover.fhir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;

/**
 * Lets the validator find Questionnaires by canonical URL ({@code url} or {@code url|version}), so a
 * QuestionnaireResponse is checked against the questions it answers. (HAPI's pre-populated support
 * keeps only profiles, code systems, value sets and search parameters.)
 */
final class QuestionnaireSupport implements IValidationSupport {

    private final FhirContext fhir;
    private final Map<String, Questionnaire> byUrl = new ConcurrentHashMap<>();

    QuestionnaireSupport(FhirContext fhir) {
        this.fhir = fhir;
    }

    void add(Questionnaire q) {
        byUrl.putIfAbsent(q.getUrl() + "|" + q.getVersion(), q);
        byUrl.merge(q.getUrl(), q, (old, now) -> Integer.parseInt(now.getVersion()) > Integer.parseInt(old.getVersion()) ? now : old);
    }

    @Override
    public FhirContext getFhirContext() {
        return fhir;
    }

    @Override
    public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
        if (uri == null || (type != null && !type.isAssignableFrom(Questionnaire.class))) {
            return null;
        }
        Questionnaire q = byUrl.get(uri);
        return q == null ? null : (T) q;
    }

    @Override
    public String getName() {
        return "Carryover questionnaires";
    }
}
