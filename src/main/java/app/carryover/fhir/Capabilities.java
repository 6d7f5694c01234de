package app.carryover.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** What the read API serves, as the CapabilityStatement {@code GET /fhir/r4/metadata} returns. */
final class Capabilities {

    private Capabilities() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDate(new Date(0));
        cs.setPublisher("Carryover");
        cs.setKind(CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Carryover");
        cs.getImplementation().setDescription("Carryover: between-session therapy homework").setUrl(base);
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.addFormat("json");
        CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Send an API token as 'Authorization: Bearer co_…' (Settings → API tokens). "
                + "A token acts for its clinician: only clients on their care teams are visible, and every read is audited.");
        CapabilityStatementRestResourceComponent patient = rest.addResource().setType("Patient");
        patient.addInteraction().setCode(TypeRestfulInteraction.READ);
        patient.addOperation().setName("everything").setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                .setDocumentation("The client's whole homework record; _since for what changed since then; _count and _offset page it.");
        for (String type : FhirSearch.SEARCHABLE.stream().sorted().toList()) {
            CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
            r.addInteraction().setCode(TypeRestfulInteraction.READ);
            r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            r.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                    .setDocumentation("Required: the client (Patient/{id}); 'subject' is accepted too.");
            r.addSearchParam().setName("_lastUpdated").setType(SearchParamType.DATE)
                    .setDocumentation("gt, ge, lt, le or eq with a date or date-time; the moment Carryover first served the resource's current content.");
            r.addSearchParam().setName("_count").setType(SearchParamType.NUMBER).setDocumentation("Page size, 1 to 1000 (100 by default).");
            r.addSearchParam().setName("_offset").setType(SearchParamType.NUMBER).setDocumentation("Where the page starts (the next link sets it).");
            if (type.equals("QuestionnaireResponse")) {
                r.addInteraction().setCode(TypeRestfulInteraction.CREATE).setDocumentation("Imports a completed response to one of the "
                        + "practice's worksheets as an entry of the client's assignment of it (basedOn, or the only open one); "
                        + "once per identifier (a repeat answers 200 with the same entry).");
            }
        }
        rest.addResource().setType("Questionnaire").addInteraction().setCode(TypeRestfulInteraction.CREATE)
                .setDocumentation("Imports a Questionnaire as a new custom worksheet; items without a worksheet equivalent are "
                        + "named one by one and nothing is stored.");
        return cs;
    }
}
