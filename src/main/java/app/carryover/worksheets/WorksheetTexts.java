package app.carryover.worksheets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.carryover.system.Languages;
import app.carryover.system.Texts;

/**
 * A built-in worksheet as a client reads it in their language: its title, purpose, instructions,
 * questions, help, units, scale anchors and options in Spanish (worksheets/texts_es.properties),
 * with the same keys, ids, codes and rules, so answers are stored and checked exactly as in English.
 * English is the worksheet's own JSON. A practice's own worksheets, and any text without a
 * translation, stay as written. Clinicians' guidance and the extracted values' names are not
 * client text and stay English.
 */
@Component
public class WorksheetTexts {

    private static final Pattern ENTRY = Pattern.compile("Entry (\\d+)(: (?s).*)?");

    private final MessageSource messages;
    private final Texts texts;

    WorksheetTexts(MessageSource messages, Texts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /**
     * A form (built from {@link #forReader}) with the words the form itself adds in the reader's
     * language: "Entry 2" headings, Yes and No, the minutes unit, and the refusals at each question.
     */
    public WorksheetForm forReader(WorksheetForm form, Locale locale) {
        if (locale == null || locale.getLanguage().equals(Languages.ENGLISH.getLanguage())) {
            return form;
        }
        return new WorksheetForm(form.key(), form.version(), form.controls().stream().map(c -> control(c, locale)).toList(),
                form.summary().stream().map(p -> new WorksheetForm.Problem(p.anchor(), entry(p.label(), locale),
                        texts.translate(p.message(), locale))).toList());
    }

    /** Refusals of answers in the reader's language (for a page that shows them outside a form). */
    public List<FieldError> forReader(List<FieldError> errors, Locale locale) {
        return errors == null ? null : errors.stream()
                .map(e -> new FieldError(e.path(), e.reason(), texts.translate(e.message(), locale))).toList();
    }

    private WorksheetForm.Control control(WorksheetForm.Control c, Locale locale) {
        List<WorksheetForm.Choice> choices = c.choices().stream().map(o -> !"yes_no".equals(c.type()) ? o
                : new WorksheetForm.Choice(o.value(), texts.in(locale, "true".equals(o.value()) ? "worksheet.form.yes"
                        : "worksheet.form.no"), o.id(), o.checked())).toList();
        List<WorksheetForm.Row> rows = c.rows().stream().map(r -> new WorksheetForm.Row(r.index(), entry(r.heading(), locale),
                r.controls().stream().map(cell -> control(cell, locale)).toList(), r.removable(), r.marker())).toList();
        String unit = "duration".equals(c.type()) ? texts.in(locale, "worksheet.form.minutes") : c.unit();
        return new WorksheetForm.Control(c.type(), c.name(), c.id(), c.label(), c.help(), c.required(), c.shown(),
                c.controlling(), texts.translate(c.error(), locale), c.values(), c.inputMode(), unit, c.maxLength(), choices,
                c.anchorMin(), c.anchorMid(), c.anchorMax(), rows, c.canAddRow());
    }

    /** "Entry 2" and "Entry 2: question" in the reader's language. */
    private String entry(String english, Locale locale) {
        Matcher m = english == null ? null : ENTRY.matcher(english);
        if (m == null || !m.matches()) {
            return english;
        }
        String heading = texts.in(locale, "worksheet.form.entry", m.group(1));
        return m.group(2) == null ? heading : heading + m.group(2);
    }

    /** The definition in the reader's language (itself for English and for a practice's own worksheets). */
    public WorksheetDefinition forReader(WorksheetDefinition definition, Locale locale) {
        if (locale == null || locale.getLanguage().equals(Languages.ENGLISH.getLanguage())
                || BuiltInWorksheets.find(definition.key()).isEmpty()) {
            return definition;
        }
        String base = "worksheet." + definition.key();
        return new WorksheetDefinition(definition.key(), definition.version(), text(base + ".title", definition.title(), locale),
                definition.category(), text(base + ".purpose", definition.purpose(), locale),
                text(base + ".clientInstructions", definition.clientInstructions(), locale), definition.clinicianGuidance(),
                definition.suggestedDose(), items(base + ".item", definition.items(), locale), definition.values());
    }

    private List<Item> items(String base, List<Item> items, Locale locale) {
        return items.stream().map(i -> item(base + "." + i.id(), i, locale)).toList();
    }

    private Item item(String key, Item i, Locale locale) {
        Anchors anchors = i.anchors() == null ? null : new Anchors(text(key + ".anchors.min", i.anchors().min(), locale),
                text(key + ".anchors.mid", i.anchors().mid(), locale), text(key + ".anchors.max", i.anchors().max(), locale));
        List<ChoiceOption> options = i.options().stream()
                .map(o -> new ChoiceOption(o.code(), text(key + ".options." + o.code(), o.label(), locale))).toList();
        return new Item(i.id(), i.type(), text(key + ".label", i.label(), locale), text(key + ".help", i.help(), locale),
                i.required(), i.showIf(), i.maxLength(), i.min(), i.max(), i.step(), text(key + ".unit", i.unit(), locale),
                anchors, options, i.minItems(), i.maxItems(), items(key, i.items(), locale));
    }

    private String text(String code, String english, Locale locale) {
        return english == null ? null : messages.getMessage(code, null, english, locale);
    }
}
