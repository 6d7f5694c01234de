package app.carryover.fhir;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetImports;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The FHIR R4 read API for integrators ({@code /fhir/r4}, JSON): the CapabilityStatement, reads,
 * search by patient with {@code _lastUpdated} and paging, and {@code Patient/{id}/$everything} with
 * {@code _since}. It signs in with an API token like the JSON API and reads through the same
 * services, so the same care-team rules and read audit apply. Errors are OperationOutcomes.
 */
@RestController
class FhirApi {

    private static final Logger LOG = LoggerFactory.getLogger(FhirApi.class);

    private final FhirRecords records;
    private final ResourceVersions versions;
    private final Caseload caseload;
    private final WorksheetImports imports;
    private final ResponseImport responses;
    private final FhirContext fhir;

    FhirApi(FhirRecords records, ResourceVersions versions, Caseload caseload, WorksheetImports imports,
            ResponseImport responses, FhirContext fhir) {
        this.responses = responses;
        this.records = records;
        this.versions = versions;
        this.caseload = caseload;
        this.imports = imports;
        this.fhir = fhir;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/fhir/r4/metadata")
    ResponseEntity<String> metadata() {
        return fhirJson(HttpStatus.OK, Capabilities.statement(FhirExportController.base()));
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/fhir/r4/Patient/{clientId}/$everything")
    ResponseEntity<String> everything(Actor actor, @PathVariable String clientId, HttpServletRequest request) {
        FhirSearch search = FhirSearch.everything(request.getParameterMap());
        FhirRecords.Read read = records.of(actor, clientIdOf(clientId));
        return page(search, search.select(read.resources(), r -> true), read.record().readAt(), read.json());
    }

    /**
     * Search one client's resources ({@code patient}), or, without it, those of every client on the
     * caller's care teams (each client's read audited), so one call pulls what changed across a caseload.
     */
    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/fhir/r4/{type}")
    ResponseEntity<String> search(Actor actor, @PathVariable String type, HttpServletRequest request) {
        requireSearchable(type);
        FhirSearch search = FhirSearch.typeSearch(request.getParameterMap());
        List<UUID> clients = search.patient() != null ? List.of(search.patient())
                : caseload.mine(actor).stream().map(ClientRecord::id).toList();
        List<Resource> resources = new ArrayList<>();
        Map<Resource, String> json = new IdentityHashMap<>();
        Instant readAt = null;
        for (UUID client : clients) {
            FhirRecords.Read read = records.of(actor, client);
            resources.addAll(read.resources());
            json.putAll(read.json());
            readAt = read.record().readAt();
        }
        return page(search, search.select(resources, r -> r.fhirType().equals(type)), readAt, json);
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/fhir/r4/{type}/{id}")
    ResponseEntity<String> read(Actor actor, @PathVariable String type, @PathVariable String id) {
        if (!type.equals("Patient")) {
            requireSearchable(type);
        }
        UUID clientId = type.equals("Patient") || type.equals("CarePlan") ? clientIdOf(id) : ownerOf(actor, type, id);
        Resource found = records.of(actor, clientId).resources().stream()
                .filter(r -> r.fhirType().equals(type) && r.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(type));
        return fhirJson(HttpStatus.OK, found);
    }

    /**
     * A Questionnaire (JSON) becomes a new custom worksheet of the clinician, or nothing: every item
     * that has no worksheet equivalent is named in the OperationOutcome. Answers 201 with the stored
     * worksheet as a Questionnaire under the practice's canonical URL.
     */
    @Access(AccessRule.CLINICIAN)
    @PostMapping(path = "/fhir/r4/Questionnaire", consumes = {Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> importQuestionnaire(Actor actor, @RequestBody String body) {
        Questionnaire q = parse(body, Questionnaire.class);
        WorksheetDefinition saved = imports.create(actor, QuestionnaireImport.toDefinition(q));
        Questionnaire stored = QuestionnaireExport.toQuestionnaire(saved,
                Fhir.questionnaireUrl(actor.practiceId(), saved.key(), false));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(FhirExportController.FHIR_JSON)
                .location(URI.create(FhirExportController.base() + "/Questionnaire/" + stored.getIdElement().getIdPart()))
                .body(fhir.newJsonParser().encodeResourceToString(stored));
    }

    /**
     * A QuestionnaireResponse to one of the practice's worksheets becomes an entry of the client's
     * assignment of it (the one in {@code basedOn}, or the only open one), checked like any entry,
     * once per {@code identifier}: 201 with the entry as stored, 200 with the same entry when the
     * identifier was imported before, an OperationOutcome naming every problem otherwise.
     */
    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping(path = "/fhir/r4/QuestionnaireResponse", consumes = {Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> importResponse(Actor actor, @RequestBody String body) {
        QuestionnaireResponse r = parse(body, QuestionnaireResponse.class);
        ResponseImport.Imported imported = responses.importResponse(actor, r);
        QuestionnaireResponse stored = ResponseExport.toResponse(imported.entry(), imported.definition(),
                imported.questionnaireUrl());
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).contentType(FhirExportController.FHIR_JSON)
                .location(URI.create(FhirExportController.base() + "/QuestionnaireResponse/" + imported.entry().id()))
                .body(fhir.newJsonParser().encodeResourceToString(stored));
    }

    /** A FHIR JSON body of the expected type, or a 400 saying what it is instead. */
    private <T extends IBaseResource> T parse(String body, Class<T> type) {
        IBaseResource resource;
        try {
            resource = fhir.newJsonParser().parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not a FHIR R4 resource in JSON: " + e.getMessage());
        }
        if (!type.isInstance(resource)) {
            throw ProblemException.invalid("resourceType", "must be " + type.getSimpleName() + ", not "
                    + fhir.getResourceType(resource));
        }
        return type.cast(resource);
    }

    /**
     * The client a resource belongs to, from the resources served before; on a miss the caller's own
     * caseload is read once (under the same rules) so a resource they may see is found.
     */
    private UUID ownerOf(Actor actor, String type, String id) {
        Optional<UUID> owner = versions.clientOf(actor.practiceId(), type, id);
        if (owner.isEmpty()) {
            for (ClientRecord client : caseload.mine(actor)) {
                records.of(actor, client.id());
            }
            owner = versions.clientOf(actor.practiceId(), type, id);
        }
        return owner.orElseThrow(() -> ProblemException.notFound(type));
    }

    private static UUID clientIdOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Patient");
        }
    }

    private static void requireSearchable(String type) {
        if (!FhirSearch.SEARCHABLE.contains(type)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "Not Found", "This server does not serve the resource type '"
                    + type + "'; it serves Patient, " + String.join(", ", FhirSearch.SEARCHABLE.stream().sorted().toList())
                    + " (see /fhir/r4/metadata).", List.of());
        }
    }

    /** One page of the matches as a searchset Bundle, its resources written from their JSON made for hashing. */
    private ResponseEntity<String> page(FhirSearch search, List<Resource> matches, Instant readAt, Map<Resource, String> json) {
        String base = FhirExportController.base();
        int from = Math.min(search.offset(), matches.size());
        int to = Math.min(from + search.count(), matches.size());
        Bundle bundle = RecordExport.bundle(BundleType.SEARCHSET, List.of(), base);
        bundle.setTotal(matches.size());
        if (readAt != null) {
            bundle.setTimestamp(Date.from(readAt));
        }
        ServletUriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest();
        bundle.addLink().setRelation("self").setUrl(self.toUriString());
        if (to < matches.size()) {
            bundle.addLink().setRelation("next").setUrl(ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("_offset", to).replaceQueryParam("_count", search.count()).toUriString());
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("_offset", Math.max(0, from - search.count())).toUriString());
        }
        if (from == to) {
            return fhirJson(HttpStatus.OK, bundle);
        }
        return ResponseEntity.ok().contentType(FhirExportController.FHIR_JSON)
                .body(BundleJson.searchset(fhir.newJsonParser(), bundle, base, matches.subList(from, to), json));
    }

    private ResponseEntity<String> fhirJson(HttpStatus status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(FhirExportController.FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(resource));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<String> problem(ProblemException e) {
        String detail = e.fields().isEmpty() ? e.getMessage()
                : String.join("; ", e.fields().stream().map(f -> f.field() + " " + f.message()).toList());
        return fhirJson(e.status(), outcome(e.status(), detail, e.fields().isEmpty() ? null : e.fields().get(0).field()));
    }

    /** Spring's own refusals (a wrong method, a bad header) as OperationOutcomes too; anything else is a 500 that says so. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        if (e instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            return fhirJson(status, outcome(status, error.getBody().getDetail(), null));
        }
        LOG.error("FHIR request failed", e);
        return fhirJson(HttpStatus.INTERNAL_SERVER_ERROR, outcome(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not answer this request; it has been logged.", null));
    }

    static OperationOutcome outcome(HttpStatus status, String detail, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setDiagnostics(detail);
        issue.setCode(switch (status) {
            case NOT_FOUND -> IssueType.NOTFOUND;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case UNAUTHORIZED -> IssueType.LOGIN;
            case BAD_REQUEST -> IssueType.INVALID;
            case CONFLICT -> IssueType.CONFLICT;
            default -> IssueType.PROCESSING;
        });
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }
}
