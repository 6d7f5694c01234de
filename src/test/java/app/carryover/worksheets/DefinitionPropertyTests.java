package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.node.ObjectNode;

import app.carryover.worksheets.definition.Json;

/**
 * Valid definitions are accepted and survive JSON; definitions broken in known ways are refused
 * with a problem at the broken place; every valid definition prints.
 */
class DefinitionPropertyTests {

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 9_999).list().ofMinSize(300).ofMaxSize(600);
    }

    @Property(tries = 300)
    void aValidDefinitionSurvivesJson(@ForAll("choices") List<Integer> shape) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        ParsedDefinition parsed = WorksheetDefinitions.parse(WorksheetDefinitions.toJson(d));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.definition()).isEqualTo(d);
    }

    @Property(tries = 500)
    void aKnownBreakageIsRefusedWithAProblemAtItsPath(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> pick) {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Choices c = new Choices(pick);
        List<Breakage> breakages = breakages(d);
        Breakage b = c.pick(breakages);
        Statistics.label("breakage").collect(b.name());
        List<DefinitionProblem> problems = b.apply(d);
        assertThat(problems).as("%s%n%s", b, WorksheetDefinitions.toJson(d)).anySatisfy(p -> {
            assertThat(b.paths()).contains(p.path());
            assertThat(p.message()).contains(b.says());
        });
    }

    @Property(tries = 60)
    void everyValidDefinitionPrintsBlankAndFilled(@ForAll("choices") List<Integer> shape,
            @ForAll("choices") List<Integer> content) throws IOException {
        WorksheetDefinition d = GeneratedDefinitions.generate(new Choices(shape));
        Answers answers = AnswerValidation.complete(d, Answers.of(GeneratedAnswers.generate(d, new Choices(content))))
                .accepted();
        assertThat(WorksheetPdfTests.textOf(WorksheetPdf.blank(d, PrintOptions.none()))).contains(d.title());
        assertThat(WorksheetPdfTests.textOf(WorksheetPdf.filled(d, answers, PrintOptions.none()))).contains(d.title());
    }

    /** One way to break a definition, where the problem must be reported, and a word it must use. */
    record Breakage(String name, List<String> paths, String says, UnaryOperator<List<Item>> items, String json) {

        List<DefinitionProblem> apply(WorksheetDefinition d) {
            if (json != null) {
                return WorksheetDefinitions.parse(json).problems();
            }
            try {
                new WorksheetDefinition(d.key(), d.version(), d.title(), d.category(), d.purpose(),
                        d.clientInstructions(), d.clinicianGuidance(), d.suggestedDose(), items.apply(d.items()),
                        d.values());
                return List.of();
            } catch (InvalidDefinitionException e) {
                return e.problems();
            }
        }

        @Override
        public String toString() {
            return name + " at " + paths;
        }
    }

    private static List<Breakage> breakages(WorksheetDefinition d) {
        List<Breakage> out = new ArrayList<>();
        List<Item> items = d.items();
        int last = items.size() - 1;
        out.add(replace("label too long", last, "label", "too long", i -> copy(i).label("w".repeat(501))));
        out.add(unknownType(d, last));
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            if (k > 0) {
                String earlierId = items.get(k - 1).id();
                out.add(replace("duplicate id", k, "id", "duplicate item id", i -> copy(i).id(earlierId)));
            }
            out.add(replace("condition on an unknown item", k, "showIf[" + item.showIf().size() + "].item",
                    "unknown item", i -> copy(i).condition(Condition.answered("nowhere"))));
            out.add(replace("condition on itself", k, "showIf[" + item.showIf().size() + "].item", "its own item",
                    i -> copy(i).condition(Condition.answered(i.id()))));
            if (k < last && items.get(last).type() != ItemType.GROUP && items.get(last).showIf().isEmpty()) {
                String laterId = items.get(last).id();
                out.add(replace("condition on a later item", k, "showIf[" + item.showIf().size() + "].item",
                        "comes after", i -> copy(i).condition(Condition.answered(laterId))));
            }
            for (Condition condition : item.showIf()) {
                int j = indexOf(items, condition.item());
                if (j >= 0 && item.type() != ItemType.GROUP) {
                    out.add(cycle(k, j, item.id()));
                }
            }
            switch (item.type()) {
                case NUMBER -> out.add(replace("min above max", k, "min", "above max",
                        i -> copy(i).min(BigDecimal.TEN).max(BigDecimal.ONE)));
                case RATING -> out.add(replace("rating of 7", k, "max", "10 or 100", i -> copy(i).max(BigDecimal.valueOf(7))));
                case SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKLIST -> {
                    out.add(replace("no options", k, "options", "at least", i -> copy(i).options(List.of())));
                    out.add(replace("duplicate option code", k, "options[1].code", "duplicate option code",
                            i -> copy(i).options(List.of(ChoiceOption.of("a", "A"), ChoiceOption.of("a", "B")))));
                }
                case GROUP -> out.add(replace("group without children", k, "items", "at least one child",
                        i -> copy(i).children(List.of())));
                default -> {
                }
            }
        }
        return out;
    }

    private static Breakage replace(String name, int index, String field, String says,
            Function<Item, ItemCopy> change) {
        return new Breakage(name, List.of("items[" + index + "]." + field), says, items -> {
            List<Item> copy = new ArrayList<>(items);
            copy.set(index, change.apply(items.get(index)).get());
            return copy;
        }, null);
    }

    private static int indexOf(List<Item> items, String id) {
        for (int j = 0; j < items.size(); j++) {
            if (items.get(j).id().equals(id)) {
                return j;
            }
        }
        return -1;
    }

    /** Item k depends on the earlier item j; making j depend on k closes a cycle. */
    private static Breakage cycle(int k, int j, String kId) {
        return new Breakage("cycle", List.of("items[" + j + "].showIf", "items[" + k + "].showIf"),
                "form a cycle", items -> {
                    List<Item> copy = new ArrayList<>(items);
                    copy.set(j, copy(items.get(j)).condition(Condition.answered(kId)).get());
                    return copy;
                }, null);
    }

    private static Breakage unknownType(WorksheetDefinition d, int index) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(WorksheetDefinitions.toJson(d));
        ((ObjectNode) root.get("items").get(index)).put("type", "slider");
        return new Breakage("unknown type", List.of("items[" + index + "].type"), "unknown item type", null,
                root.toString());
    }

    private static ItemCopy copy(Item item) {
        return new ItemCopy(item);
    }

    /** A changed copy of an item. */
    private static final class ItemCopy implements java.util.function.Supplier<Item> {
        private Item i;

        ItemCopy(Item item) {
            this.i = item;
        }

        ItemCopy id(String id) {
            i = new Item(id, i.type(), i.label(), i.help(), i.required(), i.showIf(), i.maxLength(), i.min(), i.max(),
                    i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy label(String label) {
            i = new Item(i.id(), i.type(), label, i.help(), i.required(), i.showIf(), i.maxLength(), i.min(), i.max(),
                    i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy condition(Condition c) {
            List<Condition> showIf = new ArrayList<>(i.showIf());
            showIf.add(c);
            i = new Item(i.id(), i.type(), i.label(), i.help(), i.required(), showIf, i.maxLength(), i.min(), i.max(),
                    i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy min(BigDecimal min) {
            i = new Item(i.id(), i.type(), i.label(), i.help(), i.required(), i.showIf(), i.maxLength(), min, i.max(),
                    i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy max(BigDecimal max) {
            i = new Item(i.id(), i.type(), i.label(), i.help(), i.required(), i.showIf(), i.maxLength(), i.min(), max,
                    i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy options(List<ChoiceOption> options) {
            i = new Item(i.id(), i.type(), i.label(), i.help(), i.required(), i.showIf(), i.maxLength(), i.min(),
                    i.max(), i.step(), i.unit(), i.anchors(), options, i.minItems(), i.maxItems(), i.items());
            return this;
        }

        ItemCopy children(List<Item> children) {
            i = new Item(i.id(), i.type(), i.label(), i.help(), i.required(), i.showIf(), i.maxLength(), i.min(),
                    i.max(), i.step(), i.unit(), i.anchors(), i.options(), i.minItems(), i.maxItems(), children);
            return this;
        }

        @Override
        public Item get() {
            return i;
        }
    }
}
