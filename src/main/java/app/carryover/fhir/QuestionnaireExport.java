package app.carryover.fhir;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UsageContext;

import app.carryover.worksheets.Condition;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * A worksheet definition as an SDC Questionnaire, exactly as {@code docs/worksheets-fhir-mapping.md}
 * lays out, so that {@link QuestionnaireImport} can rebuild the same definition. Defaults are not
 * written out: an unset field stays unset.
 */
final class QuestionnaireExport {

    /** Units that are UCUM units as written, so they travel with a UCUM code. */
    static final Set<String> UCUM_UNITS = Set.of("min", "h", "d", "wk", "s", "kg", "g", "cm", "m", "km", "%", "mg", "L", "mL");

    private QuestionnaireExport() {
    }

    static Questionnaire toQuestionnaire(WorksheetDefinition d, String url) {
        Questionnaire q = new Questionnaire();
        q.setId(Fhir.questionnaireId(d.key(), d.version()));
        q.setUrl(url);
        q.setVersion(Integer.toString(d.version()));
        q.setName(d.key().replace('-', '_'));
        q.setTitle(d.title());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        if (d.purpose() != null) {
            q.setPurpose(d.purpose());
        }
        if (d.clientInstructions() != null) {
            q.setDescription(d.clientInstructions());
        }
        if (d.clinicianGuidance() != null) {
            q.addExtension(Fhir.CO + "worksheet-clinician-guidance", new MarkdownType(d.clinicianGuidance()));
        }
        q.addExtension(Fhir.CO + "worksheet-category", new CodeType(d.category().code()));
        q.addUseContext(new UsageContext(
                new Coding("http://terminology.hl7.org/CodeSystem/usage-context-type", "focus", "Clinical Focus"),
                new CodeableConcept().setText(d.category().label())));
        if (d.suggestedDose() != null) {
            q.addExtension(dose(d.suggestedDose()));
        }
        for (ValueDefinition v : d.values()) {
            Extension value = new Extension(Fhir.CO + "worksheet-value");
            value.addExtension("key", new CodeType(v.key()));
            value.addExtension("label", new StringType(v.label()));
            if (v.unit() != null) {
                value.addExtension("unit", new StringType(v.unit()));
            }
            value.addExtension("formula", new StringType(v.formula()));
            q.addExtension(value);
        }
        Map<String, Item> byId = new HashMap<>();
        d.allItems().forEach(i -> byId.put(i.id(), i));
        for (Item item : d.items()) {
            q.addItem(item(item, url, byId));
        }
        return q;
    }

    private static Extension dose(SuggestedDose dose) {
        Extension e = new Extension(Fhir.CO + "worksheet-suggested-dose");
        e.addExtension("kind", new CodeType(dose.kind().code()));
        e.addExtension("count", new IntegerType(dose.count()));
        for (DayOfWeek day : dose.days()) {
            e.addExtension("day", new CodeType(day.name().substring(0, 3).toLowerCase(Locale.ROOT)));
        }
        for (LocalTime time : dose.times()) {
            e.addExtension("time", new TimeType(time(time.toString())));
        }
        if (dose.trigger() != null) {
            e.addExtension("trigger", new StringType(dose.trigger()));
        }
        return e;
    }

    /** A Carryover time ("07:30") as FHIR's, which always has seconds. */
    static String time(String hhmm) {
        return hhmm.length() == 5 ? hhmm + ":00" : hhmm;
    }

    /** The option system of a choice item: the Questionnaire's URL, then the item. */
    static String optionSystem(String url, String itemId) {
        return url + "/options/" + itemId;
    }

    /** Whether a number item travels as FHIR {@code integer} (whole step, whole or no minimum). */
    static boolean integerNumber(Item item) {
        return item.step() != null && whole(item.step()) && (item.min() == null || whole(item.min()));
    }

    static QuestionnaireItemType fhirType(Item item) {
        return switch (item.type()) {
            case SHORT_TEXT -> QuestionnaireItemType.STRING;
            case LONG_TEXT -> QuestionnaireItemType.TEXT;
            case NUMBER -> integerNumber(item) ? QuestionnaireItemType.INTEGER : QuestionnaireItemType.DECIMAL;
            case RATING -> QuestionnaireItemType.INTEGER;
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> QuestionnaireItemType.CHOICE;
            case DATE -> QuestionnaireItemType.DATE;
            case TIME -> QuestionnaireItemType.TIME;
            case DURATION -> QuestionnaireItemType.QUANTITY;
            case YES_NO -> QuestionnaireItemType.BOOLEAN;
            case GROUP -> QuestionnaireItemType.GROUP;
        };
    }

    private static QuestionnaireItemComponent item(Item item, String url, Map<String, Item> byId) {
        QuestionnaireItemComponent q = new QuestionnaireItemComponent();
        q.setLinkId(item.id());
        q.setText(item.label());
        q.setType(fhirType(item));
        // A group that needs rows is required: R4's questionnaire-minOccurs may be above 0 only on a
        // required item (its context invariant), and Carryover already counts it so (effectiveMinItems).
        if (item.required() || (item.type() == ItemType.GROUP && item.effectiveMinItems() > 0)) {
            q.setRequired(true);
        }
        if (item.help() != null) {
            q.addItem(display(item.id() + "-help", item.help(), "help"));
        }
        for (Condition c : item.showIf()) {
            q.addEnableWhen(enableWhen(c, url, byId));
        }
        if (item.showIf().size() > 1) {
            q.setEnableBehavior(EnableWhenBehavior.ALL);
        }
        switch (item.type()) {
            case SHORT_TEXT, LONG_TEXT -> {
                if (item.maxLength() != null) {
                    q.setMaxLength(item.maxLength());
                }
            }
            case NUMBER -> number(q, item, integerNumber(item));
            case RATING -> {
                q.addExtension(Fhir.EXT + "minValue", new IntegerType(0));
                q.addExtension(Fhir.EXT + "maxValue", new IntegerType(item.max().intValueExact()));
                if (item.step() != null) {
                    q.addExtension(Fhir.EXT + "questionnaire-sliderStepValue", new IntegerType(item.step().intValueExact()));
                }
                q.addExtension(itemControl("slider"));
                if (item.anchors() != null) {
                    q.addItem(display(item.id() + "-lower", item.anchors().min(), "lower"));
                    q.addItem(display(item.id() + "-upper", item.anchors().max(), "upper"));
                    if (item.anchors().mid() != null) {
                        QuestionnaireItemComponent mid = display(item.id() + "-mid", item.anchors().mid(), null);
                        mid.addExtension(Fhir.CO + "rating-anchor", new CodeType("mid"));
                        q.addItem(mid);
                    }
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                item.options().forEach(o -> q.addAnswerOption().setValue(
                        new Coding(optionSystem(url, item.id()), o.code(), o.label())));
                if (item.type() == ItemType.SINGLE_CHOICE) {
                    q.addExtension(itemControl("radio-button"));
                } else {
                    q.setRepeats(true);
                    q.addExtension(itemControl("check-box"));
                    if (item.type() == ItemType.CHECKLIST) {
                        q.addExtension(Fhir.CO + "item-kind", new CodeType("checklist"));
                    }
                }
            }
            case DURATION -> {
                q.addExtension(Fhir.EXT + "questionnaire-unitOption", new Coding(Fhir.UCUM, "min", "min"));
                if (item.min() != null) {
                    q.addExtension(Fhir.SDC + "sdc-questionnaire-minQuantity", minutes(item.min()));
                }
                if (item.max() != null) {
                    q.addExtension(Fhir.SDC + "sdc-questionnaire-maxQuantity", minutes(item.max()));
                }
                if (item.step() != null) {
                    q.addExtension(Fhir.CO + "step", new DecimalType(item.step()));
                }
            }
            case GROUP -> {
                q.setRepeats(true);
                if (item.minItems() != null) {
                    q.addExtension(Fhir.EXT + "questionnaire-minOccurs", new IntegerType(item.minItems()));
                }
                if (item.maxItems() != null) {
                    q.addExtension(Fhir.EXT + "questionnaire-maxOccurs", new IntegerType(item.maxItems()));
                }
                item.items().forEach(child -> q.addItem(item(child, url, byId)));
            }
            case DATE, TIME, YES_NO -> {
            }
        }
        return q;
    }

    private static void number(QuestionnaireItemComponent q, Item item, boolean integer) {
        if (item.min() != null) {
            q.addExtension(Fhir.EXT + "minValue", integer ? new IntegerType(item.min().intValueExact()) : new DecimalType(item.min()));
        }
        if (item.max() != null) {
            q.addExtension(Fhir.EXT + "maxValue", integer && whole(item.max())
                    ? new IntegerType(item.max().intValueExact()) : new DecimalType(item.max()));
        }
        if (item.step() != null) {
            q.addExtension(Fhir.CO + "step", new DecimalType(item.step()));
        }
        if (item.unit() != null) {
            Coding unit = new Coding().setDisplay(item.unit());
            if (UCUM_UNITS.contains(item.unit())) {
                unit.setSystem(Fhir.UCUM).setCode(item.unit());
            }
            q.addExtension(Fhir.EXT + "questionnaire-unit", unit);
        }
    }

    private static Quantity minutes(BigDecimal value) {
        return new Quantity().setValue(value).setUnit("min").setSystem(Fhir.UCUM).setCode("min");
    }

    private static QuestionnaireItemComponent display(String linkId, String text, String control) {
        QuestionnaireItemComponent d = new QuestionnaireItemComponent();
        d.setLinkId(linkId).setText(text).setType(QuestionnaireItemType.DISPLAY);
        if (control != null) {
            d.addExtension(itemControl(control));
        }
        return d;
    }

    static Extension itemControl(String code) {
        return new Extension(Fhir.EXT + "questionnaire-itemControl",
                new CodeableConcept(new Coding(Fhir.ITEM_CONTROL, code, null)));
    }

    private static QuestionnaireItemEnableWhenComponent enableWhen(Condition c, String url, Map<String, Item> byId) {
        QuestionnaireItemEnableWhenComponent when = new QuestionnaireItemEnableWhenComponent();
        when.setQuestion(c.item());
        switch (c.operator()) {
            case ANSWERED -> when.setOperator(QuestionnaireItemOperator.EXISTS).setAnswer(new BooleanType(true));
            case NOT_ANSWERED -> when.setOperator(QuestionnaireItemOperator.EXISTS).setAnswer(new BooleanType(false));
            default -> when.setOperator(QuestionnaireItemOperator.fromCode(c.operator().fhirOperator()))
                    .setAnswer(answer(byId.get(c.item()), c.value(), url));
        }
        return when;
    }

    /** A compared value as the answer type of the item it is compared with. */
    static Type answer(Item target, String value, String url) {
        return switch (target.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> new Coding(optionSystem(url, target.id()), value,
                    target.option(value).map(o -> o.label()).orElse(null));
            case YES_NO -> new BooleanType(Boolean.parseBoolean(value));
            case RATING -> new IntegerType(new BigDecimal(value).intValueExact());
            case NUMBER -> integerNumber(target) && whole(new BigDecimal(value))
                    ? new IntegerType(new BigDecimal(value).intValueExact()) : new DecimalType(new BigDecimal(value));
            case DURATION -> minutes(new BigDecimal(value));
            case DATE -> new DateType(value);
            case TIME -> new TimeType(time(value));
            default -> new StringType(value);
        };
    }

    static boolean whole(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0;
    }

    static List<String> dayCodes() {
        return List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    }
}
