package app.carryover.worksheets;

import static app.carryover.worksheets.TestDefinitions.item;
import static app.carryover.worksheets.TestDefinitions.rating;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueExtractionTests {

    private static List<ExtractedValue> extract(WorksheetDefinition d, String json) {
        return ValueExtraction.extract(d, AnswerValidation.complete(d, json).accepted());
    }

    @Test
    void sleepEfficiencyIsComputedFromTimesThatWrapPastMidnight() {
        WorksheetDefinition d = TestDefinitions.of(List.of(
                ValueDefinition.of("time_in_bed", "Time in bed", "min", "minutes_between(into_bed, out_of_bed)"),
                ValueDefinition.of("sleep_efficiency", "Sleep efficiency", "%",
                        "100 * (minutes_between(coalesce(lights_out, into_bed), final_waking) - latency"
                                + " - coalesce(waso, 0)) / minutes_between(into_bed, out_of_bed)")),
                item("into_bed", ItemType.TIME).build(), item("lights_out", ItemType.TIME).build(),
                item("latency", ItemType.DURATION).build(), item("waso", ItemType.DURATION).build(),
                item("final_waking", ItemType.TIME).build(), item("out_of_bed", ItemType.TIME).build());
        List<ExtractedValue> values = extract(d, "{\"into_bed\":\"22:30\",\"latency\":30,"
                + "\"final_waking\":\"06:00\",\"out_of_bed\":\"06:30\"}");
        assertThat(values).containsExactly(new ExtractedValue("time_in_bed", new BigDecimal("480"), "min"),
                new ExtractedValue("sleep_efficiency", new BigDecimal("87.5"), "%"));
    }

    @Test
    void aValueWhoseInputsAreMissingIsLeftOutNotZero() {
        WorksheetDefinition d = TestDefinitions.of(List.of(
                ValueDefinition.of("drop", "Drop", "points", "before - after"),
                ValueDefinition.of("ratio", "Ratio", "", "before / after")),
                rating("before", 10), rating("after", 10));
        assertThat(extract(d, "{\"before\":7}")).isEmpty();
        assertThat(extract(d, "{\"before\":7,\"after\":0}"))
                .containsExactly(new ExtractedValue("drop", new BigDecimal("7"), "points"));
    }

    @Test
    void groupColumnsAggregateAndCountsCountRowsAndChoices() {
        WorksheetDefinition d = TestDefinitions.of(List.of(
                ValueDefinition.of("activities", "Activities", "count", "count(days)"),
                ValueDefinition.of("done", "Done", "count", "sum(days.done)"),
                ValueDefinition.of("pleasure", "Pleasure", "0-10", "avg(days.pleasure)"),
                ValueDefinition.of("traps", "Traps", "count", "count(traps)")),
                item("days", ItemType.GROUP).child(item("what", ItemType.SHORT_TEXT).build())
                        .child(item("done", ItemType.YES_NO).build()).child(rating("pleasure", 10)).build(),
                item("traps", ItemType.MULTIPLE_CHOICE).option("a", "A").option("b", "B").build());
        assertThat(extract(d, "{\"days\":[{\"what\":\"walk\",\"done\":true,\"pleasure\":6},"
                + "{\"what\":\"call\",\"done\":false},{\"what\":\"read\",\"done\":true,\"pleasure\":3}],"
                + "\"traps\":[\"a\",\"b\"]}")).extracting(ExtractedValue::key, v -> v.value().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("activities", "3"),
                        org.assertj.core.groups.Tuple.tuple("done", "2"),
                        org.assertj.core.groups.Tuple.tuple("pleasure", "4.5"),
                        org.assertj.core.groups.Tuple.tuple("traps", "2"));
    }

    @Test
    void answersToHiddenItemsNeverReachAValue() {
        WorksheetDefinition d = TestDefinitions.of(List.of(ValueDefinition.of("n", "N", "", "coalesce(b, 0)")),
                item("a", ItemType.YES_NO).build(),
                item("b", ItemType.NUMBER).showIf(Condition.equalTo("a", true)).build());
        assertThat(ValueExtraction.extract(d, Answers.parse("{\"a\":false,\"b\":5}")))
                .extracting(v -> v.value().toPlainString()).containsExactly("0");
    }
}
