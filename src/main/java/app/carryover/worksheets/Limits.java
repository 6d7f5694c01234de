package app.carryover.worksheets;

/** The caps that keep definitions and answers a sane size; documented in docs/worksheets.md. */
public final class Limits {

    public static final int FORMAT = 1;

    public static final int KEY_LENGTH = 60;
    public static final int TITLE_LENGTH = 120;
    public static final int PURPOSE_LENGTH = 1_000;
    public static final int INSTRUCTIONS_LENGTH = 4_000;
    public static final int GUIDANCE_LENGTH = 4_000;
    public static final int LABEL_LENGTH = 500;
    public static final int HELP_LENGTH = 1_000;
    public static final int OPTION_LABEL_LENGTH = 200;
    public static final int ANCHOR_LENGTH = 60;
    public static final int UNIT_LENGTH = 20;
    public static final int TRIGGER_LENGTH = 200;
    public static final int FORMULA_LENGTH = 500;

    public static final int TOP_LEVEL_ITEMS = 60;
    public static final int GROUP_CHILDREN = 20;
    public static final int OPTIONS = 40;
    public static final int CONDITIONS_PER_ITEM = 5;
    public static final int VALUES = 20;
    public static final int DOSE_COUNT = 50;
    public static final int DOSE_TIMES = 12;

    public static final int SHORT_TEXT_DEFAULT = 200;
    public static final int SHORT_TEXT_CAP = 500;
    public static final int LONG_TEXT_DEFAULT = 4_000;
    /** The global cap on any text answer. */
    public static final int TEXT_CAP = 10_000;

    public static final int GROUP_ROWS_DEFAULT = 20;
    public static final int GROUP_ROWS_CAP = 50;

    public static final int DURATION_DEFAULT_MAX = 24 * 60;
    /** Numbers beyond this are typing mistakes, whatever the item says. */
    public static final long NUMBER_MAGNITUDE = 1_000_000_000L;
    public static final int NUMBER_DECIMALS = 6;

    /** Answers documents larger than this (UTF-8 bytes of their JSON) are refused. */
    public static final int ANSWERS_BYTES = 256 * 1024;
    /** Definition documents larger than this are refused before parsing. */
    public static final int DEFINITION_BYTES = 512 * 1024;

    private Limits() {
    }
}
