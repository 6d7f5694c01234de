package app.carryover.fhir;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import app.carryover.system.Actor;

/** A client's record as FHIR resources, read under the access rules and stamped with when each last changed. */
@Component
class FhirRecords {

    private final RecordReader reader;
    private final ResourceVersions versions;

    FhirRecords(RecordReader reader, ResourceVersions versions) {
        this.reader = reader;
        this.versions = versions;
    }

    /** @param json each client resource's JSON without its {@code meta}, as hashed (Questionnaires are not in it) */
    record Read(HomeworkRecord record, List<Resource> resources, Map<Resource, String> json) {
    }

    Read of(Actor actor, UUID clientId) {
        HomeworkRecord record = reader.read(actor, clientId);
        List<Resource> resources = RecordResources.of(record);
        Map<Resource, String> json = versions.stamp(record.client().practiceId(), record.client().id(), resources);
        return new Read(record, resources, json);
    }
}
