package app.carryover.fhir;

import java.util.List;
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

    record Read(HomeworkRecord record, List<Resource> resources) {
    }

    Read of(Actor actor, UUID clientId) {
        HomeworkRecord record = reader.read(actor, clientId);
        List<Resource> resources = RecordResources.of(record);
        versions.stamp(record.client().practiceId(), record.client().id(), resources);
        return new Read(record, resources);
    }
}
