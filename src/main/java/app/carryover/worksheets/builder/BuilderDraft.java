package app.carryover.worksheets.builder;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.carryover.worksheets.Anchors;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.SuggestedDose;
import app.carryover.worksheets.WorksheetCategory;
import app.carryover.worksheets.WorksheetDefinition;

/**
 * What the form builder holds between round trips: every field as typed, so nothing is lost to a
 * half-finished number or an unknown code. Field names are the paths of the definition's JSON
 * document ({@code items[2].options[0].label}), so the format's problems land on the fields that
 * caused them. {@link BuilderDocument} turns a draft into that document.
 */
record BuilderDraft(String title, String category, String purpose, String clientInstructions,
        String clinicianGuidance, Dose dose, List<DraftItem> items, List<DraftValue> values, Origin origin) {

    /** Indices in posted names are at most two digits: far above every list's cap, and bounded. */
    private static final String INDEX = "\\[(\\d{1,2})]";

    record Dose(String kind, String count, List<String> days, String times, String trigger) {
        static Dose none() {
            return new Dose("", "1", new ArrayList<>(), "", "");
        }
    }

    record DraftOption(String code, String label) {
    }

    record DraftCondition(String item, String operator, String value) {
    }

    record DraftValue(String key, String label, String unit, String formula) {
    }

    /** Where the draft comes from: a worksheet being edited ({@code key}, {@code basedOn}) or copied. */
    record Origin(String key, Integer basedOn, String copiedFromKey, Integer copiedFromVersion) {
        static Origin blank() {
            return new Origin(null, null, null, null);
        }

        boolean editing() {
            return key != null;
        }
    }

    /**
     * One question as typed; fields that do not apply to its type are kept but not sent.
     *
     * @param autoId the answer key the builder made from the label, while the clinician has not changed it
     *               and it was never saved: it follows the label until then ("" once it is fixed)
     */
    record DraftItem(String id, String autoId, String type, String label, String help, boolean required,
            String maxLength, String min, String max, String step, String unit, String anchorMin, String anchorMid,
            String anchorMax, String minItems, String maxItems, List<DraftOption> options,
            List<DraftCondition> showIf, List<DraftItem> items) {

        static DraftItem blank(String type) {
            return new DraftItem("", "", type, "", "", false, "", "", ItemType.RATING.code().equals(type) ? "10" : "",
                    "", "", "", "", "", "", "", new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        DraftItem withId(String newId, String newAutoId) {
            return new DraftItem(newId, newAutoId, type, label, help, required, maxLength, min, max, step, unit,
                    anchorMin, anchorMid, anchorMax, minItems, maxItems, options, showIf, items);
        }

        /** Whether the answer key is still the builder's own, to be made again from the label. */
        boolean idFollowsLabel() {
            return id.isEmpty() || (!autoId.isEmpty() && id.equals(autoId));
        }

        ItemType itemType() {
            return ItemType.fromCode(type).orElse(ItemType.SHORT_TEXT);
        }
    }

    static BuilderDraft blank() {
        List<DraftItem> items = new ArrayList<>();
        items.add(DraftItem.blank(ItemType.SHORT_TEXT.code()));
        return new BuilderDraft("", WorksheetCategory.OTHER.code(), "", "", "", Dose.none(), items, new ArrayList<>(),
                Origin.blank());
    }

    // ---- from a stored definition ----

    static BuilderDraft of(WorksheetDefinition d, Origin origin) {
        List<DraftItem> items = new ArrayList<>();
        d.items().forEach(i -> items.add(item(i)));
        List<DraftValue> values = new ArrayList<>();
        d.values().forEach(v -> values.add(new DraftValue(v.key(), v.label(), v.unit(), v.formula())));
        SuggestedDose s = d.suggestedDose();
        Dose dose = s == null ? Dose.none() : new Dose(s.kind().code(), String.valueOf(s.count()),
                new ArrayList<>(s.days().stream().map(day -> day.name().toLowerCase(Locale.ROOT)).toList()),
                String.join(", ", s.times().stream().map(LocalTime::toString).toList()),
                s.trigger() == null ? "" : s.trigger());
        return new BuilderDraft(d.title(), d.category().code(), d.purpose(), d.clientInstructions(),
                text(d.clinicianGuidance()), dose, items, values, origin);
    }

    private static DraftItem item(Item i) {
        List<DraftOption> options = new ArrayList<>();
        i.options().forEach(o -> options.add(new DraftOption(o.code(), o.label())));
        List<DraftCondition> conditions = new ArrayList<>();
        i.showIf().forEach(c -> conditions.add(new DraftCondition(c.item(), c.operator().code(), text(c.value()))));
        List<DraftItem> children = new ArrayList<>();
        i.items().forEach(c -> children.add(item(c)));
        Anchors a = i.anchors();
        return new DraftItem(i.id(), "", i.type().code(), i.label(), text(i.help()), i.required(), number(i.maxLength()),
                number(i.min()), number(i.max()), number(i.step()), text(i.unit()), a == null ? "" : text(a.min()),
                a == null ? "" : text(a.mid()), a == null ? "" : text(a.max()), number(i.minItems()),
                number(i.maxItems()), options, conditions, children);
    }

    // ---- from a posted form ----

    static BuilderDraft read(Map<String, List<String>> posted) {
        Fields f = new Fields(posted);
        List<DraftItem> items = new ArrayList<>();
        for (int i : f.indices("items")) {
            items.add(readItem(f, "items[" + i + "]", true));
        }
        List<DraftValue> values = new ArrayList<>();
        for (int v : f.indices("values")) {
            String p = "values[" + v + "]";
            values.add(new DraftValue(f.trimmed(p + ".key"), f.one(p + ".label"), f.one(p + ".unit"), f.one(p + ".formula")));
        }
        Dose dose = new Dose(f.trimmed("suggestedDose.kind"), f.trimmed("suggestedDose.count"),
                new ArrayList<>(f.all("suggestedDose.days")), f.trimmed("suggestedDose.times"),
                f.one("suggestedDose.trigger"));
        Origin origin = new Origin(blankToNull(f.trimmed("worksheetKey")), integer(f.trimmed("basedOn")),
                blankToNull(f.trimmed("copiedFromKey")), integer(f.trimmed("copiedFromVersion")));
        return new BuilderDraft(f.one("title"), f.trimmed("category"), f.one("purpose"), f.one("clientInstructions"),
                f.one("clinicianGuidance"), dose, items, values, origin);
    }

    private static DraftItem readItem(Fields f, String p, boolean topLevel) {
        List<DraftOption> options = new ArrayList<>();
        for (int o : f.indices(p + ".options")) {
            options.add(new DraftOption(f.trimmed(p + ".options[" + o + "].code"), f.one(p + ".options[" + o + "].label")));
        }
        List<DraftCondition> conditions = new ArrayList<>();
        for (int c : f.indices(p + ".showIf")) {
            String q = p + ".showIf[" + c + "]";
            conditions.add(new DraftCondition(f.trimmed(q + ".item"), f.trimmed(q + ".operator"), f.trimmed(q + ".value")));
        }
        List<DraftItem> children = new ArrayList<>();
        if (topLevel) {
            for (int c : f.indices(p + ".items")) {
                children.add(readItem(f, p + ".items[" + c + "]", false));
            }
        }
        String type = f.trimmed(p + ".type");
        return new DraftItem(f.trimmed(p + ".id"), f.trimmed(p + ".autoId"), type.isEmpty() ? ItemType.SHORT_TEXT.code() : type,
                f.one(p + ".label"), f.one(p + ".help"), "true".equals(f.trimmed(p + ".required")),
                f.trimmed(p + ".maxLength"), f.trimmed(p + ".min"), f.trimmed(p + ".max"), f.trimmed(p + ".step"),
                f.one(p + ".unit"), f.one(p + ".anchors.min"), f.one(p + ".anchors.mid"), f.one(p + ".anchors.max"),
                f.trimmed(p + ".minItems"), f.trimmed(p + ".maxItems"), options, conditions, children);
    }

    /** Posted fields by name; a name posted twice keeps its last value, as a browser's last field wins. */
    private record Fields(Map<String, List<String>> posted) {

        String one(String name) {
            List<String> values = posted.get(name);
            if (values == null || values.isEmpty() || values.get(values.size() - 1) == null) {
                return "";
            }
            return values.get(values.size() - 1).replace("\r\n", "\n");
        }

        String trimmed(String name) {
            return one(name).trim();
        }

        List<String> all(String name) {
            List<String> values = posted.get(name);
            return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                    .map(String::trim).toList();
        }

        /** The indices posted under a list's path, in order: {@code items[0].label, items[3].id} → 0, 3. */
        List<Integer> indices(String list) {
            Pattern pattern = Pattern.compile(Pattern.quote(list) + INDEX + "\\..*");
            TreeSet<Integer> found = new TreeSet<>();
            for (String name : posted.keySet()) {
                Matcher m = pattern.matcher(name);
                if (m.matches()) {
                    found.add(Integer.parseInt(m.group(1)));
                }
            }
            return new ArrayList<>(found);
        }
    }

    // ---- small conversions ----

    static String text(String s) {
        return s == null ? "" : s;
    }

    static String number(Object n) {
        if (n == null) {
            return "";
        }
        return n instanceof BigDecimal ? ((BigDecimal) n).toPlainString() : n.toString();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isDay(String s) {
        try {
            DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
