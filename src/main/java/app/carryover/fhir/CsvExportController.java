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

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** A client's entries, adherence and measures as CSV files (session or API token). */
@RestController
class CsvExportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CsvExports exports;

    CsvExportController(CsvExports exports) {
        this.exports = exports;
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/export/entries.csv")
    ResponseEntity<byte[]> entries(Actor actor, @PathVariable UUID clientId) {
        return file(exports.export(actor, clientId, CsvExports.Kind.ENTRIES), "entries", clientId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/export/adherence.csv")
    ResponseEntity<byte[]> adherence(Actor actor, @PathVariable UUID clientId) {
        return file(exports.export(actor, clientId, CsvExports.Kind.ADHERENCE), "adherence", clientId);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/export/measures.csv")
    ResponseEntity<byte[]> measures(Actor actor, @PathVariable UUID clientId) {
        return file(exports.export(actor, clientId, CsvExports.Kind.MEASURES), "measures", clientId);
    }

    private static ResponseEntity<byte[]> file(String csv, String name, UUID clientId) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + clientId + ".csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
