package app.carryover.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

import app.carryover.homework.PracticeEntry;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.WorksheetDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A practice entry as a QuestionnaireResponse: a worksheet entry's answers in definition order
 * (unanswered and hidden items left out, a group's rows one item each), a quick log's rating and
 * note against the {@link QuickLog} questionnaire. The entry id is the response's identifier, so an
 * import of the same response is recognised.
 */
final class ResponseExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseExport() {
    }

    static Identifier identifier(PracticeEntry e) {
        return new Identifier().setSystem(Fhir.IDENTIFIERS + "entry").setValue(e.id().toString());
    }

    static QuestionnaireResponse toResponse(PracticeEntry e, WorksheetDefinition definition, String questionnaireUrl) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setId(e.id().toString());
        r.setIdentifier(identifier(e));
        r.setStatus(QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(new Reference("Patient/" + e.clientId()));
        r.setSource(new Reference("Patient/" + e.clientId()));
        r.addBasedOn(new Reference("ServiceRequest/" + e.assignmentId()));
        r.setAuthoredElement(new DateTimeType(Date.from(e.occurredAt())));
        r.getMeta().setLastUpdated(Date.from(e.createdAt()));
        if (definition == null) {
            r.setQuestionnaire(QuickLog.URL + "|" + QuickLog.VERSION);
            if (e.rating() != null) {
                r.addItem().setLinkId(QuickLog.RATING).setText(QuickLog.RATING_TEXT).addAnswer().setValue(new IntegerType(e.rating()));
            }
            if (e.note() != null) {
                r.addItem().setLinkId(QuickLog.NOTE).setText(QuickLog.NOTE_TEXT).addAnswer().setValue(new StringType(e.note()));
            }
            return r;
        }
        r.setQuestionnaire(questionnaireUrl + "|" + definition.version());
        JsonNode answers = e.answers() == null ? JSON.createObjectNode() : JSON.readTree(e.answers());
        r.getItem().addAll(items(definition.items(), answers, questionnaireUrl));
        return r;
    }

    private static List<QuestionnaireResponseItemComponent> items(List<Item> items, JsonNode answers, String url) {
        List<QuestionnaireResponseItemComponent> out = new ArrayList<>();
        for (Item item : items) {
            JsonNode value = answers.get(item.id());
            if (!answered(value)) {
                continue;
            }
            if (item.type() == ItemType.GROUP) {
                for (JsonNode row : value) {
                    List<QuestionnaireResponseItemComponent> cells = items(item.items(), row, url);
                    if (!cells.isEmpty()) {
                        QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent();
                        group.setLinkId(item.id()).setText(item.label());
                        group.getItem().addAll(cells);
                        out.add(group);
                    }
                }
                continue;
            }
            QuestionnaireResponseItemComponent answer = new QuestionnaireResponseItemComponent();
            answer.setLinkId(item.id()).setText(item.label());
            if (item.type().isMultiSelect()) {
                for (JsonNode code : value) {
                    answer.addAnswer().setValue(coding(item, code.asString(), url));
                }
            } else {
                answer.addAnswer().setValue(value(item, value, url));
            }
            out.add(answer);
        }
        return out;
    }

    static boolean answered(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isString()) {
            return !value.asString().isBlank();
        }
        return !value.isArray() || !value.isEmpty();
    }

    private static Coding coding(Item item, String code, String url) {
        return new Coding(QuestionnaireExport.optionSystem(url, item.id()), code,
                item.option(code).map(o -> o.label()).orElse(null));
    }

    private static Type value(Item item, JsonNode v, String url) {
        return switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT -> new StringType(v.asString());
            case NUMBER -> QuestionnaireExport.integerNumber(item) ? new IntegerType(v.decimalValue().intValueExact())
                    : new DecimalType(v.decimalValue());
            case RATING -> new IntegerType(v.decimalValue().intValueExact());
            case DURATION -> new Quantity().setValue(v.decimalValue()).setUnit("min").setSystem(Fhir.UCUM).setCode("min");
            case SINGLE_CHOICE -> coding(item, v.asString(), url);
            case DATE -> new DateType(v.asString());
            case TIME -> new TimeType(QuestionnaireExport.time(v.asString()));
            case YES_NO -> new BooleanType(v.asBoolean());
            default -> throw new IllegalArgumentException("no single value for " + item.type());
        };
    }
}
