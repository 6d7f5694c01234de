package app.carryover.fhir;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.worksheets.Anchors;
import app.carryover.worksheets.Condition;
import app.carryover.worksheets.InvalidDefinitionException;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.ValueDefinition;
import app.carryover.worksheets.WorksheetCategory;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * A Questionnaire read back into a worksheet definition: {@code docs/worksheets-fhir-mapping.md}
 * read backwards. Every item that has no Carryover equivalent is reported with its place and
 * linkId, all at once, and nothing is made of a Questionnaire with any such item.
 */
final class QuestionnaireImport {

    private final List<FieldProblem> problems = new ArrayList<>();

    private QuestionnaireImport() {
    }

    /** The definition, or a 400 naming every item that cannot be imported. */
    static WorksheetDefinition toDefinition(Questionnaire q) {
        QuestionnaireImport reader = new QuestionnaireImport();
        WorksheetDefinition d = reader.read(q);
        if (!reader.problems.isEmpty()) {
            throw ProblemException.invalid(reader.problems);
        }
        return d;
    }

    private WorksheetDefinition read(Questionnaire q) {
        String key = q.hasName() ? q.getName().replace('_', '-').toLowerCase(Locale.ROOT) : "imported";
        int version = 1;
        if (q.hasVersion()) {
            try {
                version = Integer.parseInt(q.getVersion());
            } catch (NumberFormatException e) {
                version = 1; // a foreign version label; the import makes version 1 of a new worksheet anyway
            }
        }
        if (!q.hasTitle()) {
            problems.add(new FieldProblem("title", "is required: a worksheet needs a title"));
        }
        WorksheetCategory category = Optional.ofNullable(q.getExtensionByUrl(Fhir.CO + "worksheet-category"))
                .flatMap(e -> WorksheetCategory.fromCode(e.getValue().primitiveValue())).orElse(WorksheetCategory.OTHER);
        String guidance = Optional.ofNullable(q.getExtensionByUrl(Fhir.CO + "worksheet-clinician-guidance"))
                .map(e -> e.getValue().primitiveValue()).orElse(null);
        SuggestedDose dose = Optional.ofNullable(q.getExtensionByUrl(Fhir.CO + "worksheet-suggested-dose")).map(this::dose).orElse(null);
        List<ValueDefinition> values = new ArrayList<>();
        for (Extension v : q.getExtensionsByUrl(Fhir.CO + "worksheet-value")) {
            values.add(new ValueDefinition(sub(v, "key"), sub(v, "label"), sub(v, "unit"), sub(v, "formula")));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < q.getItem().size(); i++) {
            Item item = item(q.getItem().get(i), "item[" + i + "]", q);
            if (item != null) {
                items.add(item);
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            // A worksheet must say what it is for and how to fill it in; a foreign Questionnaire may say neither.
            String purpose = q.hasPurpose() ? q.getPurpose() : "Imported from the FHIR Questionnaire \"" + q.getTitle() + "\".";
            String instructions = q.hasDescription() ? q.getDescription() : "Answer the questions below.";
            return new WorksheetDefinition(key, version, q.getTitle(), category, purpose, instructions, guidance, dose, items, values);
        } catch (InvalidDefinitionException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(p.path().isEmpty() ? "Questionnaire" : p.path(), p.message())));
            return null;
        }
    }

    private static String sub(Extension e, String url) {
        Extension s = e.getExtensionByUrl(url);
        return s == null || s.getValue() == null ? null : s.getValue().primitiveValue();
    }

    private SuggestedDose dose(Extension e) {
        Optional<SuggestedDose.Kind> kind = SuggestedDose.Kind.fromCode(String.valueOf(sub(e, "kind")));
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("extension(worksheet-suggested-dose).kind", "is not a known dose kind"));
            return null;
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (Extension d : e.getExtensionsByUrl("day")) {
            int at = QuestionnaireExport.dayCodes().indexOf(d.getValue().primitiveValue());
            if (at < 0) {
                problems.add(new FieldProblem("extension(worksheet-suggested-dose).day", "must be mon to sun"));
            } else {
                days.add(DayOfWeek.of(at + 1));
            }
        }
        List<LocalTime> times = new ArrayList<>();
        e.getExtensionsByUrl("time").forEach(t -> times.add(LocalTime.parse(t.getValue().primitiveValue())));
        String count = sub(e, "count");
        return new SuggestedDose(kind.get(), count == null ? 1 : Integer.parseInt(count), days, times, sub(e, "trigger"));
    }

    private static boolean hasControl(QuestionnaireItemComponent item, String code) {
        Extension e = item.getExtensionByUrl(Fhir.EXT + "questionnaire-itemControl");
        return e != null && e.getValue() instanceof CodeableConcept c && c.getCoding().stream().anyMatch(x -> code.equals(x.getCode()));
    }

    private static Optional<Type> ext(QuestionnaireItemComponent item, String url) {
        return Optional.ofNullable(item.getExtensionByUrl(url)).map(Extension::getValue);
    }

    private static BigDecimal number(Type t) {
        if (t instanceof IntegerType i) {
            return BigDecimal.valueOf(i.getValue());
        }
        if (t instanceof DecimalType d) {
            return d.getValue();
        }
        if (t instanceof Quantity q) {
            return q.getValue();
        }
        return null;
    }

    private Item item(QuestionnaireItemComponent q, String path, Questionnaire questionnaire) {
        String where = path + " (linkId '" + q.getLinkId() + "')";
        if (q.getType() == null) {
            problems.add(new FieldProblem(path + ".type", where + " has no type"));
            return null;
        }
        ItemType type = switch (q.getType()) {
            case STRING -> ItemType.SHORT_TEXT;
            case TEXT -> ItemType.LONG_TEXT;
            case INTEGER -> hasControl(q, "slider") ? ItemType.RATING : ItemType.NUMBER;
            case DECIMAL -> ItemType.NUMBER;
            case CHOICE -> !q.getRepeats() ? ItemType.SINGLE_CHOICE
                    : ext(q, Fhir.CO + "item-kind").map(t -> "checklist".equals(t.primitiveValue())).orElse(false)
                            ? ItemType.CHECKLIST : ItemType.MULTIPLE_CHOICE;
            case DATE -> ItemType.DATE;
            case TIME -> ItemType.TIME;
            case QUANTITY -> ItemType.DURATION;
            case BOOLEAN -> ItemType.YES_NO;
            case GROUP -> ItemType.GROUP;
            default -> null;
        };
        if (type == null) {
            problems.add(new FieldProblem(path + ".type", where + ": type '" + q.getType().toCode() + "' is not supported; "
                    + "worksheets ask text, numbers, ratings, choices, dates, times, durations, yes/no and groups"
                    + (q.getType().toCode().equals("display") ? " (display text is kept only as an item's help or a rating's anchors)" : "")));
            return null;
        }
        if (type == ItemType.DURATION) {
            Optional<Type> unit = ext(q, Fhir.EXT + "questionnaire-unitOption");
            if (unit.isPresent() && !(unit.get() instanceof Coding c && "min".equals(c.getCode()))) {
                problems.add(new FieldProblem(path, where + ": a quantity is imported only as a duration in minutes (unit option 'min')"));
                return null;
            }
        }
        if (q.hasAnswerValueSet()) {
            problems.add(new FieldProblem(path + ".answerValueSet", where + ": answer value sets are not supported; list the options in answerOption"));
        }
        if (q.hasEnableWhen() && q.getEnableWhen().size() > 1 && q.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY) {
            problems.add(new FieldProblem(path + ".enableBehavior", where + ": 'any' is not supported; a worksheet shows an item when all its conditions hold"));
        }
        Item.Builder b = Item.builder(q.getLinkId(), type, q.getText());
        b.required(q.getRequired());
        if (q.hasMaxLength()) {
            b.maxLength(q.getMaxLength());
        }
        String anchorMin = null;
        String anchorMid = null;
        String anchorMax = null;
        List<QuestionnaireItemComponent> children = new ArrayList<>();
        for (QuestionnaireItemComponent child : q.getItem()) {
            if (child.getType() == Questionnaire.QuestionnaireItemType.DISPLAY) {
                if (hasControl(child, "help")) {
                    b.help(child.getText());
                } else if (type == ItemType.RATING && hasControl(child, "lower")) {
                    anchorMin = child.getText();
                } else if (type == ItemType.RATING && hasControl(child, "upper")) {
                    anchorMax = child.getText();
                } else if (type == ItemType.RATING && child.hasExtension(Fhir.CO + "rating-anchor")) {
                    anchorMid = child.getText();
                } else {
                    problems.add(new FieldProblem(path + ".item", where + ": display item '" + child.getLinkId()
                            + "' is kept only as help (itemControl 'help') or a rating's anchor"));
                }
            } else {
                children.add(child);
            }
        }
        if (anchorMin != null || anchorMax != null) {
            b.anchors(new Anchors(anchorMin, anchorMid, anchorMax));
        }
        if (!children.isEmpty() && type != ItemType.GROUP) {
            problems.add(new FieldProblem(path + ".item", where + ": questions nested under a question are not supported; use a group"));
        }
        switch (type) {
            case RATING -> {
                ext(q, Fhir.EXT + "maxValue").map(QuestionnaireImport::number).ifPresent(b::max);
                ext(q, Fhir.EXT + "questionnaire-sliderStepValue").map(QuestionnaireImport::number).ifPresent(b::step);
            }
            case NUMBER -> {
                ext(q, Fhir.EXT + "minValue").map(QuestionnaireImport::number).ifPresent(b::min);
                ext(q, Fhir.EXT + "maxValue").map(QuestionnaireImport::number).ifPresent(b::max);
                Optional<BigDecimal> step = ext(q, Fhir.CO + "step").map(QuestionnaireImport::number);
                // A FHIR integer without Carryover's step is a whole number: step 1 keeps it one.
                step.or(() -> q.getType() == Questionnaire.QuestionnaireItemType.INTEGER ? Optional.of(BigDecimal.ONE)
                        : Optional.empty()).ifPresent(b::step);
                ext(q, Fhir.EXT + "questionnaire-unit").ifPresent(u -> b.unit(((Coding) u).hasDisplay()
                        ? ((Coding) u).getDisplay() : ((Coding) u).getCode()));
            }
            case DURATION -> {
                ext(q, Fhir.SDC + "sdc-questionnaire-minQuantity").map(QuestionnaireImport::number).ifPresent(b::min);
                ext(q, Fhir.SDC + "sdc-questionnaire-maxQuantity").map(QuestionnaireImport::number).ifPresent(b::max);
                ext(q, Fhir.CO + "step").map(QuestionnaireImport::number).ifPresent(b::step);
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                for (var option : q.getAnswerOption()) {
                    if (option.getValue() instanceof Coding c) {
                        b.option(c.getCode(), c.hasDisplay() ? c.getDisplay() : c.getCode());
                    } else if (option.getValue() instanceof PrimitiveType<?> p) {
                        b.option(slug(p.getValueAsString()), p.getValueAsString());
                    }
                }
            }
            case GROUP -> {
                ext(q, Fhir.EXT + "questionnaire-minOccurs").map(QuestionnaireImport::number).ifPresent(n -> b.minItems(n.intValue()));
                ext(q, Fhir.EXT + "questionnaire-maxOccurs").map(QuestionnaireImport::number).ifPresent(n -> b.maxItems(n.intValue()));
                for (int i = 0; i < children.size(); i++) {
                    Item child = item(children.get(i), path + ".item[" + i + "]", questionnaire);
                    if (child != null) {
                        b.child(child);
                    }
                }
            }
            default -> {
            }
        }
        for (QuestionnaireItemEnableWhenComponent when : q.getEnableWhen()) {
            Condition c = condition(when, path, where);
            if (c != null) {
                b.showIf(c);
            }
        }
        return b.build();
    }

    private Condition condition(QuestionnaireItemEnableWhenComponent when, String path, String where) {
        Condition.Operator op = switch (when.getOperator()) {
            case EXISTS -> when.getAnswer() instanceof BooleanType bool && !bool.booleanValue()
                    ? Condition.Operator.NOT_ANSWERED : Condition.Operator.ANSWERED;
            case EQUAL -> Condition.Operator.EQUALS;
            case NOT_EQUAL -> Condition.Operator.NOT_EQUALS;
            case GREATER_THAN -> Condition.Operator.GREATER_THAN;
            case LESS_THAN -> Condition.Operator.LESS_THAN;
            case GREATER_OR_EQUAL -> Condition.Operator.AT_LEAST;
            case LESS_OR_EQUAL -> Condition.Operator.AT_MOST;
            default -> null;
        };
        if (op == null) {
            problems.add(new FieldProblem(path + ".enableWhen", where + ": operator is missing or not supported"));
            return null;
        }
        if (!op.needsValue()) {
            return new Condition(when.getQuestion(), op, null);
        }
        Type answer = when.getAnswer();
        String value;
        if (answer instanceof Coding c) {
            value = c.getCode();
        } else if (answer instanceof Quantity qty) {
            value = plain(qty.getValue());
        } else if (answer instanceof IntegerType || answer instanceof DecimalType) {
            value = plain(number(answer));
        } else if (answer instanceof TimeType t) {
            value = t.getValue().length() == 8 && t.getValue().endsWith(":00") ? t.getValue().substring(0, 5) : t.getValue();
        } else if (answer instanceof PrimitiveType<?> p) {
            value = p.getValueAsString();
        } else {
            problems.add(new FieldProblem(path + ".enableWhen", where + ": the compared answer is missing or of an unsupported type"));
            return null;
        }
        return new Condition(when.getQuestion(), op, value);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "option" : s;
    }
}
