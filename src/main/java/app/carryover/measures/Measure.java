package app.carryover.measures;

/**
 * The standard symptom questionnaires, by the names goals and exports use: their score range, the
 * LOINC codes FHIR exports carry, and the published thresholds Carryover reads change by.
 *
 * <p>Caseness and reliable change follow the NHS Talking Therapies rules (NHS England, <i>NHS
 * Talking Therapies for anxiety and depression manual</i>, v7 2024, "Measuring recovery"; the same
 * thresholds as the IAPT Data Handbook): a PHQ-9 total of 10 or more, a GAD-7 total of 8 or more is
 * a clinical case; a change of 6 or more on the PHQ-9, 4 or more on the GAD-7 is reliable. For the
 * PHQ-8, caseness at 10 or more follows Kroenke et al. 2009 (J Affect Disord 114:163–173); the
 * manual gives no reliable-change threshold for it, so none is claimed.
 *
 * <p>LOINC: PHQ-9 panel 44249-1, total 44261-6; GAD-7 panel 69737-5, total 70274-6. No PHQ-8 codes
 * are given: none could be checked against LOINC here, and a wrong code is worse than none.
 */
public enum Measure {
    PHQ9("PHQ-9", 27, "44249-1", "44261-6", 10, 6),
    GAD7("GAD-7", 21, "69737-5", "70274-6", 8, 4),
    PHQ8("PHQ-8", 24, null, null, 10, null);

    private final String label;
    private final int max;
    private final String loincPanel;
    private final String loincTotal;
    private final int caseness;
    private final Integer reliableChange;

    Measure(String label, int max, String loincPanel, String loincTotal, int caseness, Integer reliableChange) {
        this.label = label;
        this.max = max;
        this.loincPanel = loincPanel;
        this.loincTotal = loincTotal;
        this.caseness = caseness;
        this.reliableChange = reliableChange;
    }

    public String label() {
        return label;
    }

    public int max() {
        return max;
    }

    /** The LOINC code of the questionnaire (panel), or null when Carryover holds none. */
    public String loincPanel() {
        return loincPanel;
    }

    /** The LOINC code of the total score, or null when Carryover holds none. */
    public String loincTotal() {
        return loincTotal;
    }

    /** The lowest total that counts as a clinical case. */
    public int caseness() {
        return caseness;
    }

    /** The smallest change in total that counts as reliable, or null when no published threshold is used. */
    public Integer reliableChange() {
        return reliableChange;
    }

    /** The instrument key under which this measure's administrations are stored. */
    public String key() {
        return name();
    }
}
