package app.carryover.worksheets;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * A show-if condition on an earlier item. An item with several conditions is shown only when
 * all of them hold. {@code value} is the canonical text of the compared value: an option code,
 * {@code true}/{@code false} for yes/no items, a plain decimal for numbers, ISO text for dates
 * and times; it is null for {@link Operator#ANSWERED} and {@link Operator#NOT_ANSWERED}.
 */
public record Condition(String item, Operator operator, String value) {

    public static Condition answered(String item) {
        return new Condition(item, Operator.ANSWERED, null);
    }

    public static Condition notAnswered(String item) {
        return new Condition(item, Operator.NOT_ANSWERED, null);
    }

    public static Condition equalTo(String item, String value) {
        return new Condition(item, Operator.EQUALS, value);
    }

    public static Condition notEqualTo(String item, String value) {
        return new Condition(item, Operator.NOT_EQUALS, value);
    }

    public static Condition equalTo(String item, boolean value) {
        return new Condition(item, Operator.EQUALS, Boolean.toString(value));
    }

    public static Condition compare(String item, Operator operator, BigDecimal value) {
        return new Condition(item, operator, value.stripTrailingZeros().toPlainString());
    }

    /** How an answer is compared; {@link #code()} is the JSON name. */
    public enum Operator {
        /** For multi-select items: the code is among those chosen. */
        EQUALS("equals", "="),
        /** True when the item is unanswered too (as FHIR's {@code !=}). */
        NOT_EQUALS("not_equals", "!="),
        ANSWERED("answered", "exists"),
        NOT_ANSWERED("not_answered", "exists"),
        GREATER_THAN("greater_than", ">"),
        LESS_THAN("less_than", "<"),
        AT_LEAST("at_least", ">="),
        AT_MOST("at_most", "<=");

        private final String code;
        private final String fhir;

        Operator(String code, String fhir) {
            this.code = code;
            this.fhir = fhir;
        }

        public String code() {
            return code;
        }

        /** The FHIR {@code enableWhen.operator} this maps onto. */
        public String fhirOperator() {
            return fhir;
        }

        /** Whether this operator compares against a value. */
        public boolean needsValue() {
            return this != ANSWERED && this != NOT_ANSWERED;
        }

        /** Whether this is an ordering comparison, which only numeric items support. */
        public boolean isOrdering() {
            return this == GREATER_THAN || this == LESS_THAN || this == AT_LEAST || this == AT_MOST;
        }

        public static Optional<Operator> fromCode(String code) {
            return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
        }

        public static String allCodes() {
            return String.join(", ", Arrays.stream(values()).map(Operator::code).toList());
        }
    }
}
