package app.carryover.worksheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import app.carryover.worksheets.definition.Json;

/**
 * The worksheets Carryover ships with, read from {@code src/main/resources/worksheets/}: each a
 * valid definition at version 1, with a filled example entry. All text was written for this
 * project. The constants name the keys, and the item ids other modules rely on.
 */
public final class BuiltInWorksheets {

    public static final String THOUGHT_RECORD = "thought-record";
    public static final String BEHAVIOURAL_EXPERIMENT = "behavioural-experiment";
    public static final String EXPOSURE_PRACTICE = "exposure-practice";
    public static final String ACTIVITY_SCHEDULE = "activity-schedule";
    public static final String MOOD_TRACKER = "mood-tracker";
    public static final String RELAXATION_PRACTICE = "relaxation-practice";
    public static final String WORRY_LOG = "worry-log";
    public static final String SLEEP_DIARY = "sleep-diary";
    public static final String SKILLS_DIARY = "skills-diary";
    public static final String COMMUNICATION_PRACTICE = "communication-practice";
    public static final String BOUNDARY_PRACTICE = "boundary-practice";
    public static final String PLEASANT_EVENTS = "pleasant-events";
    public static final String PROBLEM_SOLVING = "problem-solving";
    /** The safety plan a risk alert opens (written for this project). */
    public static final String SAFETY_PLAN = "safety-plan";

    /**
     * Stable ids of the exposure practice log. Each id is both an item id and the key of the value
     * extracted from it, so the homework loop's step-up rule can read {@link #PEAK_DISTRESS} and
     * {@link #DURATION_MINUTES} from stored values.
     */
    public static final class ExposurePractice {
        public static final String KEY = EXPOSURE_PRACTICE;
        /** Short text: the hierarchy step as the client names it. */
        public static final String HIERARCHY_STEP = "hierarchy_step";
        /** Rating 0–100. */
        public static final String DISTRESS_BEFORE = "distress_before";
        /** Rating 0–100: the highest distress during the trial. */
        public static final String PEAK_DISTRESS = "peak_distress";
        /** Rating 0–100. */
        public static final String DISTRESS_AFTER = "distress_after";
        /** Duration in whole minutes, 1–600. */
        public static final String DURATION_MINUTES = "duration_minutes";
        /** Long text. */
        public static final String SAFETY_BEHAVIOURS_DROPPED = "safety_behaviours_dropped";
        /** Extracted value only: peak minus end distress. */
        public static final String DISTRESS_DROP = "distress_drop";

        private ExposurePractice() {
        }
    }

    /** Stable ids of the daily mood and anxiety tracker: item ids and value keys alike. */
    public static final class MoodTracker {
        public static final String KEY = MOOD_TRACKER;
        /** Rating 0–10, required: 0 very low, 10 very good. */
        public static final String MOOD = "mood";
        /** Rating 0–10, required: 0 calm, 10 extremely anxious. */
        public static final String ANXIETY = "anxiety";
        /** Rating 0–10, optional. */
        public static final String ENERGY = "energy";
        /** Number of hours, optional. */
        public static final String SLEEP_HOURS = "sleep_hours";

        private MoodTracker() {
        }
    }

    private static final String ROOT = "/worksheets/";

    private BuiltInWorksheets() {
    }

    /** Every built-in, in library order. */
    public static List<WorksheetDefinition> all() {
        return List.copyOf(Library.DEFINITIONS.values());
    }

    public static Optional<WorksheetDefinition> find(String key) {
        return Optional.ofNullable(Library.DEFINITIONS.get(key));
    }

    /** The built-in with this key; an {@link IllegalArgumentException} for an unknown key. */
    public static WorksheetDefinition get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no built-in worksheet '" + key + "'"));
    }

    /** The filled example entry shipped with a built-in, as used in tests, previews and the docs. */
    public static Answers exampleAnswers(String key) {
        get(key);
        return Answers.parse(read(ROOT + "examples/" + key + ".json"));
    }

    /** Loaded once, on first use; a built-in that breaks a rule stops the application from using any. */
    private static final class Library {
        static final Map<String, WorksheetDefinition> DEFINITIONS = load();

        private static Map<String, WorksheetDefinition> load() {
            JsonNode index = Json.MAPPER.readTree(read(ROOT + "index.json"));
            Map<String, WorksheetDefinition> byKey = new LinkedHashMap<>();
            List<String> broken = new ArrayList<>();
            for (JsonNode key : index) {
                ParsedDefinition parsed = WorksheetDefinitions.parse(read(ROOT + key.stringValue() + ".json"));
                if (parsed.isValid() && parsed.definition().key().equals(key.stringValue())) {
                    byKey.put(key.stringValue(), parsed.definition());
                } else {
                    broken.add(key.stringValue() + ": " + (parsed.isValid() ? "key does not match the file name"
                            : parsed.problems()));
                }
            }
            if (!broken.isEmpty()) {
                throw new IllegalStateException("broken built-in worksheets: " + broken);
            }
            return byKey;
        }
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInWorksheets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
