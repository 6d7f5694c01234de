package app.carryover.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.homework.Assignment;
import app.carryover.homework.Assignments;
import app.carryover.homework.PracticeEntry;
import app.carryover.homework.PracticeLog;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetLibrary;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A QuestionnaireResponse for one of the practice's worksheets becomes an entry of the client's
 * assignment of that worksheet, through {@link PracticeLog#recordFor} (the care team's right, the
 * worksheet's own answer checks, the real date), once per identifier. Anything that cannot be read
 * is named item by item and nothing is stored.
 */
@Component
class ResponseImport {

    /** The entry, as stored, and whether this call stored it (false for a repeated import). */
    record Imported(PracticeEntry entry, WorksheetDefinition definition, String questionnaireUrl, boolean created) {
    }

    private final PracticeLog log;
    private final Assignments assignments;
    private final WorksheetLibrary library;

    ResponseImport(PracticeLog log, Assignments assignments, WorksheetLibrary library) {
        this.log = log;
        this.assignments = assignments;
        this.library = library;
    }

    @Transactional
    Imported importResponse(Actor actor, QuestionnaireResponse r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.getStatus() != QuestionnaireResponseStatus.COMPLETED && r.getStatus() != QuestionnaireResponseStatus.AMENDED) {
            problems.add(new FieldProblem("status", "must be completed or amended, not " + (r.hasStatus() ? r.getStatus().toCode() : "missing")));
        }
        if (!r.hasAuthored()) {
            problems.add(new FieldProblem("authored", "is required: it is when the practice happened"));
        }
        if (!r.hasIdentifier() || !r.getIdentifier().hasSystem() || !r.getIdentifier().hasValue()) {
            problems.add(new FieldProblem("identifier", "is required, with a system and a value, so that importing it again never counts twice"));
        }
        UUID clientId = idOf(r.getSubject(), "Patient", "subject", problems);
        String[] canonical = r.hasQuestionnaire() ? r.getQuestionnaire().split("\\|", 2) : null;
        String key = canonical == null ? null : worksheetKey(actor, canonical[0]);
        if (canonical == null) {
            problems.add(new FieldProblem("questionnaire", "is required: the canonical URL of the worksheet answered"));
        } else if (key == null) {
            problems.add(new FieldProblem("questionnaire", "'" + r.getQuestionnaire()
                    + "' is not a worksheet of this practice (built-in worksheets are under " + Fhir.QUESTIONNAIRES + ")"));
        }
        UUID basedOn = null;
        if (r.hasBasedOn()) {
            if (r.getBasedOn().size() > 1) {
                problems.add(new FieldProblem("basedOn", "names more than one ServiceRequest; name the one assignment answered"));
            } else {
                basedOn = idOf(r.getBasedOnFirstRep(), "ServiceRequest", "basedOn[0]", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        // the care-team check (and a 404 for a client outside the caller's reach) comes first
        List<Assignment> all = assignments.list(actor, clientId);
        Assignment assignment = assignment(all, key, basedOn, r.getQuestionnaire());
        if (canonical.length == 2 && !canonical[1].equals(String.valueOf(assignment.worksheetVersion()))) {
            throw ProblemException.invalid("questionnaire", "answers version " + canonical[1] + " of '" + key
                    + "', but the assignment uses version " + assignment.worksheetVersion());
        }
        WorksheetDefinition definition = library.find(actor.practiceId(), key, assignment.worksheetVersion())
                .orElseThrow(() -> ProblemException.conflict("This worksheet version is no longer available."));
        String url = canonical[0];
        Optional<PracticeEntry> own = ownEntry(actor, clientId, r.getIdentifier());
        if (own.isPresent()) {
            return new Imported(own.get(), definition, url, false);
        }
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        answers(definition.items(), r.getItem(), answers, "item", problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Instant occurred = r.getAuthored().toInstant();
        PracticeLog.Logged logged = log.recordFor(actor, clientId, assignment.id(), importId(actor, r.getIdentifier()), occurred,
                null, null, answers.toString());
        return new Imported(logged.entry(), definition, url, logged.created());
    }

    /** The worksheet key of a canonical URL: a built-in, or one of the caller's practice's own. */
    private static String worksheetKey(Actor actor, String url) {
        String own = Fhir.questionnaireUrl(actor.practiceId(), "", false);
        String key = url.startsWith(Fhir.QUESTIONNAIRES) ? url.substring(Fhir.QUESTIONNAIRES.length())
                : url.startsWith(own) ? url.substring(own.length()) : null;
        return key == null || key.isEmpty() || key.contains("/") ? null : key;
    }

    private static Assignment assignment(List<Assignment> all, String key, UUID basedOn, String questionnaire) {
        if (basedOn != null) {
            Assignment a = all.stream().filter(x -> x.id().equals(basedOn)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("basedOn", "is not an assignment of this client"));
            if (!key.equals(a.worksheetKey())) {
                throw ProblemException.invalid("questionnaire", "'" + questionnaire + "' is not the worksheet of the assignment in basedOn ("
                        + (a.usesWorksheet() ? a.worksheetKey() : "a quick log without a worksheet") + ")");
            }
            return a;
        }
        List<Assignment> open = all.stream().filter(a -> key.equals(a.worksheetKey()) && a.status().open()).toList();
        if (open.isEmpty()) {
            throw ProblemException.invalid("questionnaire", "this client has no open assignment of '" + key
                    + "'; name a closed one in basedOn (ServiceRequest/{assignment id})");
        }
        if (open.size() > 1) {
            throw ProblemException.invalid("basedOn", "is required: this client has " + open.size() + " open assignments of '"
                    + key + "'");
        }
        return open.get(0);
    }

    /** A response Carryover exported carries the entry's own id: importing it back finds that entry. */
    private Optional<PracticeEntry> ownEntry(Actor actor, UUID clientId, Identifier id) {
        if (!(Fhir.IDENTIFIERS + "entry").equals(id.getSystem())) {
            return Optional.empty();
        }
        try {
            return Optional.of(log.get(actor, clientId, UUID.fromString(id.getValue())));
        } catch (IllegalArgumentException | ProblemException e) {
            return Optional.empty();
        }
    }

    /** The entry's import id: the same for the same identifier in the same practice, whoever sends it. */
    static UUID importId(Actor actor, Identifier id) {
        return UUID.nameUUIDFromBytes(("fhir-import|" + actor.practiceId() + "|" + id.getSystem() + "|" + id.getValue())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static UUID idOf(Reference ref, String type, String field, List<FieldProblem> problems) {
        if (ref == null || !ref.hasReference()) {
            problems.add(new FieldProblem(field, "is required: " + type + "/{id}"));
            return null;
        }
        IdType id = new IdType(ref.getReference());
        if (!type.equals(id.getResourceType()) || !id.hasIdPart()) {
            problems.add(new FieldProblem(field, "must reference a " + type + " (" + type + "/{id}), not '" + ref.getReference() + "'"));
            return null;
        }
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + ref.getReference() + "' is not a " + type + " of this server"));
            return null;
        }
    }

    /** The answers of one level (the response, or one group row) into the worksheet's answer JSON. */
    private static void answers(List<Item> items, List<QuestionnaireResponseItemComponent> given, ObjectNode into, String path,
            List<FieldProblem> problems) {
        for (int i = 0; i < given.size(); i++) {
            QuestionnaireResponseItemComponent g = given.get(i);
            String at = path + "[" + i + "]";
            Item item = items.stream().filter(x -> x.id().equals(g.getLinkId())).findFirst().orElse(null);
            if (item == null) {
                problems.add(new FieldProblem(at + ".linkId", "'" + g.getLinkId() + "' is not a question of this worksheet"));
                continue;
            }
            if (item.type() == ItemType.GROUP) {
                if (g.hasAnswer()) {
                    problems.add(new FieldProblem(at + ".answer", "'" + item.id() + "' is a group: its rows carry items, not answers"));
                    continue;
                }
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                answers(item.items(), g.getItem(), row, at + ".item", problems);
                ArrayNode rows = into.has(item.id()) ? (ArrayNode) into.get(item.id()) : into.putArray(item.id());
                rows.add(row);
                continue;
            }
            if (into.has(item.id())) {
                problems.add(new FieldProblem(at + ".linkId", "'" + item.id() + "' appears more than once"));
                continue;
            }
            if (g.hasItem()) {
                problems.add(new FieldProblem(at + ".item", "'" + item.id() + "' is a question: it has no nested items here"));
            }
            List<QuestionnaireResponseItemAnswerComponent> answers = g.getAnswer();
            if (answers.isEmpty()) {
                continue;
            }
            if (item.type().isMultiSelect()) {
                ArrayNode codes = into.putArray(item.id());
                for (int a = 0; a < answers.size(); a++) {
                    code(item, answers.get(a).getValue(), at + ".answer[" + a + "]", problems).ifPresent(codes::add);
                }
                continue;
            }
            if (answers.size() > 1) {
                problems.add(new FieldProblem(at + ".answer", "'" + item.id() + "' takes one answer, not " + answers.size()));
                continue;
            }
            value(item, answers.get(0).getValue(), into, at + ".answer[0].value", problems);
        }
    }

    private static Optional<String> code(Item item, Type v, String at, List<FieldProblem> problems) {
        if (v instanceof Coding c && c.hasCode()) {
            return Optional.of(c.getCode());
        }
        problems.add(new FieldProblem(at, "'" + item.id() + "' is answered with a Coding of one of its options"));
        return Optional.empty();
    }

    private static void value(Item item, Type v, ObjectNode into, String at, List<FieldProblem> problems) {
        String id = item.id();
        String expected = switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT -> {
                if (v instanceof StringType s) {
                    into.put(id, s.getValue());
                    yield null;
                }
                yield "valueString";
            }
            case NUMBER, RATING -> {
                if (v instanceof IntegerType n) {
                    into.put(id, n.getValue());
                    yield null;
                }
                if (v instanceof DecimalType d && item.type() == ItemType.NUMBER) {
                    into.put(id, d.getValue());
                    yield null;
                }
                yield item.type() == ItemType.RATING ? "valueInteger" : "valueInteger or valueDecimal";
            }
            case DURATION -> {
                if (v instanceof Quantity q && q.hasValue()
                        && (!q.hasCode() || "min".equals(q.getCode())) && (!q.hasSystem() || Fhir.UCUM.equals(q.getSystem()))) {
                    into.put(id, q.getValue());
                    yield null;
                }
                yield "valueQuantity in minutes (UCUM 'min')";
            }
            case SINGLE_CHOICE -> {
                Optional<String> code = code(item, v, at, problems);
                code.ifPresent(c -> into.put(id, c));
                yield null;
            }
            case DATE -> {
                if (v instanceof DateType d && d.getPrecision() == TemporalPrecisionEnum.DAY) {
                    into.put(id, d.getValueAsString());
                    yield null;
                }
                yield "valueDate (a full date)";
            }
            case TIME -> {
                if (v instanceof TimeType t && t.getValue() != null
                        && (t.getValue().length() == 5 || t.getValue().substring(5).matches(":00(\\.0+)?"))) {
                    into.put(id, t.getValue().substring(0, 5));
                    yield null;
                }
                yield "valueTime (hours and minutes; seconds are not kept)";
            }
            case YES_NO -> {
                if (v instanceof BooleanType b) {
                    into.put(id, b.booleanValue());
                    yield null;
                }
                yield "valueBoolean";
            }
            default -> "no value";
        };
        if (expected != null) {
            problems.add(new FieldProblem(at, "'" + id + "' (" + item.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ") is answered with " + expected + ", not " + (v == null ? "nothing" : v.fhirType())));
        }
    }
}
