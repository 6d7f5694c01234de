package app.carryover.worksheets;

/**
 * A number extracted from every entry so charts and adherence can query it without reading the
 * answers again: a stable {@code key}, a label, a unit (such as {@code 0-100}, {@code min},
 * {@code %}) and a formula over the worksheet's items.
 * <p>
 * A formula is arithmetic ({@code + - * /}, parentheses, numbers) over item ids and these
 * functions: {@code sum}, {@code avg}, {@code min}, {@code max} (over values or a group column
 * such as {@code thoughts.belief}), {@code count} (rows of a group, options chosen, or answered
 * cells of a column), {@code minutes_between(time, time)} (wrapping past midnight) and
 * {@code coalesce(a, b, ...)}. Examples: {@code peak_distress};
 * {@code distress_before - distress_after};
 * {@code 100 * total_sleep / minutes_between(into_bed, out_of_bed)}.
 */
public record ValueDefinition(String key, String label, String unit, String formula) {

    public static ValueDefinition of(String key, String label, String unit, String formula) {
        return new ValueDefinition(key, label, unit, formula);
    }
}
