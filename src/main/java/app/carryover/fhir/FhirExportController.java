package app.carryover.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/**
 * A client's homework record as a FHIR Bundle: over the JSON API, and as a download from the
 * client overview's "Download as FHIR" button.
 */
@RestController
class FhirExportController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType(Fhir.MEDIA_TYPE + ";charset=UTF-8");

    private final RecordExport export;

    FhirExportController(RecordExport export) {
        this.export = export;
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/r4").toUriString();
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/fhir")
    ResponseEntity<String> api(Actor actor, @PathVariable UUID clientId) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(export.exportJson(actor, clientId, base()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/clients/{clientId}/fhir")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID clientId) {
        byte[] body = export.exportJson(actor, clientId, base()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(FHIR_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("homework-record-" + clientId + ".fhir.json").build().toString())
                .body(body);
    }
}
