package app.carryover.transcripts;

/**
 * How long a practice keeps transcript text: until every detected assignment is confirmed or
 * dismissed (the default), or a number of days after upload. Detections and the audit are kept either way.
 */
record RetentionRule(Mode mode, Integer days) {

    enum Mode { AFTER_DECISIONS, DAYS }

    static final RetentionRule DEFAULT = new RetentionRule(Mode.AFTER_DECISIONS, null);

    public String words() {
        return mode == Mode.DAYS ? "kept for " + days + (days == 1 ? " day" : " days") + " after upload, then deleted"
                : "deleted once every detected assignment is confirmed or dismissed";
    }
}
