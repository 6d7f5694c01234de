package app.carryover.worksheets;

import java.math.BigDecimal;

/** One number taken from an entry, as declared by a {@link ValueDefinition}: ready to store and query. */
public record ExtractedValue(String key, BigDecimal value, String unit) {
}
