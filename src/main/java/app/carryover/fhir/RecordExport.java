package app.carryover.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.Uuids;
import ca.uhn.fhir.context.FhirContext;

/**
 * A client's whole homework record as one FHIR R4 Bundle (type {@code collection}), for the care
 * team's download and the export API. The read is audited by the access guard; the export itself
 * is recorded too, naming the bundle.
 */
@Service
public class RecordExport {

    private final FhirRecords records;
    private final FhirContext fhir;
    private final AuditTrail audit;

    RecordExport(FhirRecords records, FhirContext fhir, AuditTrail audit) {
        this.records = records;
        this.fhir = fhir;
        this.audit = audit;
    }

    /** The bundle, with each entry's {@code fullUrl} under {@code base} (the FHIR base URL, no trailing slash). */
    public Bundle export(Actor actor, UUID clientId, String base) {
        FhirRecords.Read read = records.of(actor, clientId);
        Bundle bundle = bundle(BundleType.COLLECTION, read.resources(), base);
        bundle.setTimestamp(Date.from(read.record().readAt()));
        audit.recordNow(AuditEntry.by(actor, clientId, AuditAction.EXPORT, "FHIR record", bundle.getIdentifier().getValue(),
                bundle.getEntry().size() + " resources"));
        return bundle;
    }

    /** The bundle as JSON. */
    public String exportJson(Actor actor, UUID clientId, String base) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(export(actor, clientId, base));
    }

    static Bundle bundle(BundleType type, List<? extends Resource> resources, String base) {
        Bundle bundle = new Bundle();
        String id = Uuids.timeOrdered().toString();
        bundle.setId(id);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id));
        bundle.setType(type);
        for (Resource r : resources) {
            bundle.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
        }
        return bundle;
    }
}
