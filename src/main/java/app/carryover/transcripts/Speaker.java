package app.carryover.transcripts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Who speaks a turn. Only therapist turns are labelled; anyone else present is a client or other. */
public enum Speaker {
    THERAPIST, CLIENT, OTHER;

    /** The role a label names outright ("T", "Therapist", "Counsellor", "C", "Client", "Patient"), or null. */
    private static final Pattern PUNCTUATION = Pattern.compile("[\\[\\]()*_.#>-]");
    private static final Pattern NUMBERED = Pattern.compile("\\s+(?:\\d+|[a-z])$");

    public static Speaker ofRoleLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (!l.equals("therapist") && !l.equals("client")) {
            l = NUMBERED.matcher(PUNCTUATION.matcher(l).replaceAll(" ").trim()).replaceAll("").trim();
        }
        switch (l) {
            case "t", "th", "ther", "therapist", "counselor", "counsellor", "clinician", "psychologist",
                    "psychotherapist", "provider", "practitioner", "interviewer", "doctor", "dr", "psychiatrist",
                    "social worker", "coach", "nurse", "assistant", "facilitator", "trainee", "student therapist",
                    "cotherapist", "co therapist", "lead therapist":
                return THERAPIST;
            case "c", "cl", "client", "patient", "pt", "p", "participant", "interviewee", "user", "partner",
                    "parent", "mother", "father", "mum", "mom", "dad", "young person", "yp", "teen", "child",
                    "adolescent", "carer", "caregiver", "husband", "wife", "service user", "su", "member", "c1", "c2",
                    "client1", "client2", "p1", "p2":
                return CLIENT;
            case "interpreter", "observer", "supervisor", "narrator", "note", "unknown", "other":
                return OTHER;
            default:
                return null;
        }
    }

    /** Parses "therapist" / "client" / "other" and their short forms, for --speakers and headers. */
    static Speaker parse(String role) {
        Speaker s = ofRoleLabel(role);
        return s == null ? null : s;
    }
}
