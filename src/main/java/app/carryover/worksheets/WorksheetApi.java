package app.carryover.worksheets;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.definition.Json;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API for worksheet definitions: the library a clinician may use, any version in the
 * definition format of docs/worksheets.md, and new worksheets and versions from a document in that
 * format. A refused document answers an RFC 9457 problem whose {@code errors} name the path of
 * each problem in the document ({@code items[1].max}).
 */
@RestController
@RequestMapping("/api/v1/worksheets")
class WorksheetApi {

    /** A worksheet as listed. {@code mine}: the caller owns it, so may save versions and share it. */
    record Listed(String key, int latestVersion, String title, String category, String purpose, String suggestedDose,
            boolean builtIn, boolean shared, boolean mine, String ownerName, String copiedFromKey,
            Integer copiedFromVersion) {

        static Listed of(WorksheetSummary s, Actor actor) {
            return new Listed(s.key(), s.latestVersion(), s.title(), s.category().code(), s.purpose(),
                    s.suggestedDoseText(), s.builtIn(), s.shared(), s.ownedBy(actor), s.ownerName(), s.copiedFromKey(),
                    s.copiedFromVersion());
        }
    }

    record Version(int version, String title, Instant createdAt, String createdBy, String href) {
    }

    record Detail(Listed worksheet, List<Version> versions) {
    }

    /** A stored version: where to read it. */
    record Saved(String key, int version, String href) {
    }

    record Sharing(@NotNull Boolean shared) {
    }

    private final WorksheetLibrary library;
    private final WorksheetAuthoring authoring;

    WorksheetApi(WorksheetLibrary library, WorksheetAuthoring authoring) {
        this.library = library;
        this.authoring = authoring;
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping
    List<Listed> list(Actor actor) {
        return library.available(actor).stream().map(s -> Listed.of(s, actor)).toList();
    }

    @Access(AccessRule.CLINICIAN)
    @GetMapping("/{worksheetKey}")
    Detail one(Actor actor, @PathVariable String worksheetKey) {
        WorksheetSummary summary = library.summary(actor, worksheetKey);
        List<Version> versions = library.versions(actor, worksheetKey).stream()
                .map(v -> new Version(v.version(), v.title(), v.createdAt(), v.createdByName(), href(v.key(), v.version())))
                .toList();
        return new Detail(Listed.of(summary, actor), versions);
    }

    /** The version as a definition document, exactly as the format describes it. */
    @Access(AccessRule.CLINICIAN)
    @GetMapping(path = "/{worksheetKey}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> version(Actor actor, @PathVariable String worksheetKey, @PathVariable int version) {
        WorksheetDefinition definition = library.version(actor, worksheetKey, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(WorksheetDefinitions.toJson(definition));
    }

    /** A new custom worksheet at version 1; its key is made from the title (the document's key and version are ignored). */
    @Access(AccessRule.CLINICIAN)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Saved> create(Actor actor, @RequestBody String body) {
        WorksheetDefinition saved = authoring.create(actor, document(body), WorksheetAuthoring.Origin.none());
        return created(saved);
    }

    /** The next version of one of the caller's worksheets (the document's key and version are ignored). */
    @Access(AccessRule.CLINICIAN)
    @PostMapping(path = "/{worksheetKey}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Saved> newVersion(Actor actor, @PathVariable String worksheetKey, @RequestBody String body) {
        WorksheetDefinition saved = authoring.newVersion(actor, worksheetKey, document(body), null);
        return created(saved);
    }

    @Access(AccessRule.CLINICIAN)
    @PutMapping("/{worksheetKey}/shared")
    Listed share(Actor actor, @PathVariable String worksheetKey, @RequestBody @Valid Sharing sharing) {
        authoring.share(actor, worksheetKey, sharing.shared());
        return Listed.of(library.summary(actor, worksheetKey), actor);
    }

    private static ResponseEntity<Saved> created(WorksheetDefinition saved) {
        String href = href(saved.key(), saved.version());
        return ResponseEntity.created(URI.create(href)).body(new Saved(saved.key(), saved.version(), href));
    }

    private static String href(String key, int version) {
        return "/api/v1/worksheets/" + key + "/versions/" + version;
    }

    /** The body as a JSON object, read with the format's own reader settings (duplicate keys refused). */
    private static ObjectNode document(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is empty; send a worksheet definition");
        }
        if (body.length() > Limits.DEFINITION_BYTES) {
            throw ProblemException.invalid("body", "the definition is larger than " + Limits.DEFINITION_BYTES / 1024 + " KB");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.invalid("body", "is not valid JSON: " + Json.shortMessage(e));
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
