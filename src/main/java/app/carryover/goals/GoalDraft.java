package app.carryover.goals;

import java.math.BigDecimal;
import java.time.LocalDate;

import app.carryover.measures.Measure;

/** What a clinician writes to create or change a goal; checked by {@link Goals}. */
public record GoalDraft(String statement, String whyItMatters, GoalTarget.Kind targetKind, Measure measure,
        GoalTarget.Comparator comparator, BigDecimal targetValue, String metric, BigDecimal baseline,
        LocalDate targetDate) {
}
