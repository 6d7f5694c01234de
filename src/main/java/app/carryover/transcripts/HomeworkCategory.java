package app.carryover.transcripts;

/** The primary kind of an assigned task, as LABELING.md §1 defines them. */
public enum HomeworkCategory {
    /** Rehearse a skill taught: breathing, relaxation, mindfulness, assertive phrases, thought challenging. */
    SKILL_PRACTICE("skill_practice"),
    /** Do something in the world: an exposure step, a scheduled activity, an experiment, a conversation. */
    ACTION("action"),
    /** Record or monitor: a thought record, a mood, sleep or worry diary, an anxiety log. */
    JOURNALING("journaling"),
    /** Read, watch, listen: psychoeducation. */
    LEARNING("learning");

    private final String label;

    HomeworkCategory(String label) {
        this.label = label;
    }

    /** The label as the data files write it ("skill_practice"). */
    public String label() {
        return label;
    }

    public static HomeworkCategory ofLabel(String label) {
        for (HomeworkCategory c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        return null;
    }
}
