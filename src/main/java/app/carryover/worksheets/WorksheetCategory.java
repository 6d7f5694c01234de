package app.carryover.worksheets;

import java.util.Arrays;
import java.util.Optional;

/** Where a worksheet sits in the library, for browsing and filtering. */
public enum WorksheetCategory {
    COGNITIVE("cognitive", "Thoughts and beliefs"),
    BEHAVIOURAL_EXPERIMENT("behavioural_experiment", "Behavioural experiments"),
    EXPOSURE("exposure", "Exposure"),
    ACTIVATION("activation", "Activity and activation"),
    MONITORING("monitoring", "Self-monitoring"),
    RELAXATION("relaxation", "Relaxation and breathing"),
    SLEEP("sleep", "Sleep"),
    SKILLS("skills", "Skills practice"),
    INTERPERSONAL("interpersonal", "Relationships and communication"),
    PROBLEM_SOLVING("problem_solving", "Problem solving"),
    SAFETY("safety", "Safety planning"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    WorksheetCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** A plain name for lists and filters. */
    public String label() {
        return label;
    }

    public static Optional<WorksheetCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static String allCodes() {
        return String.join(", ", Arrays.stream(values()).map(WorksheetCategory::code).toList());
    }
}
