package app.carryover.transcripts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which speaker names are the therapist and which the client. Names come from the command's
 * {@code --speakers "Dr Lee=therapist,Sam=client"}, from a header line in the file
 * ({@code # speakers: Dr Lee=therapist, Sam=client} or {@code # therapist: Dr Lee}), or from the
 * label itself ("T", "Therapist", "Client", ...). When a transcript's speakers are still unknown,
 * {@link #guess} picks the therapist: the speaker who asks the most questions for the turns they
 * take, with a small lead for the one who speaks first — in a therapy session the therapist opens
 * and asks. Everyone else is a client.
 */
public final class SpeakerRoles {

    private final Map<String, Speaker> byName;

    private SpeakerRoles(Map<String, Speaker> byName) {
        this.byName = byName;
    }

    public static SpeakerRoles none() {
        return new SpeakerRoles(Map.of());
    }

    /**
     * Parses {@code "Dr Lee=therapist,Sam=client"}; roles are therapist, client or other.
     *
     * @throws IllegalArgumentException naming the part it could not read
     */
    public static SpeakerRoles parse(String spec) {
        Map<String, Speaker> map = new HashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split("[,;]")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                Speaker role = eq > 0 ? Speaker.parse(part.substring(eq + 1).trim()) : null;
                if (role == null) {
                    throw new IllegalArgumentException("cannot read '" + part.trim()
                            + "': expected NAME=therapist, NAME=client or NAME=other");
                }
                map.put(key(part.substring(0, eq)), role);
            }
        }
        return new SpeakerRoles(Map.copyOf(map));
    }

    /** These roles with another set laid over them (the file's own header wins over the command's). */
    public SpeakerRoles with(Map<String, Speaker> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, Speaker> map = new HashMap<>(byName);
        more.forEach((name, role) -> map.put(key(name), role));
        return new SpeakerRoles(map);
    }

    /** The role of a label: named in these roles, else named by the label itself, else null. */
    public Speaker roleOf(String label) {
        Speaker named = byName.get(key(label));
        return named != null ? named : Speaker.ofRoleLabel(label);
    }

    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** A labelled turn before roles are settled. */
    public record Raw(int number, String label, String text, String id) {
    }

    /**
     * Settles the role of every turn; unknown labels are guessed as described on the class.
     * Notes for the user are added to {@code notes}.
     */
    public List<Turn> assign(List<Raw> raws, List<String> notes) {
        Map<String, Speaker> roles = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Raw raw : raws) {
            String k = key(raw.label());
            if (roles.containsKey(k) || unknown.contains(k)) {
                continue;
            }
            Speaker role = roleOf(raw.label());
            if (role != null) {
                roles.put(k, role);
            } else {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            boolean therapistKnown = roles.containsValue(Speaker.THERAPIST);
            String therapist = therapistKnown ? null : guess(raws, unknown);
            for (String name : unknown) {
                roles.put(name, name.equals(therapist) ? Speaker.THERAPIST : Speaker.CLIENT);
            }
            List<String> shown = new ArrayList<>();
            for (Raw raw : raws) {
                if (unknown.contains(key(raw.label())) && !shown.contains(raw.label())) {
                    shown.add(raw.label());
                }
            }
            notes.add("speaker" + (shown.size() > 1 ? "s " : " ") + quoteAll(shown)
                    + (shown.size() > 1 ? " are" : " is") + " not named in --speakers or a '# speakers:' header; "
                    + (therapist == null ? "took them as client" + (shown.size() > 1 ? "s" : "") + " (a therapist label is present)"
                    : "guessed '" + labelOf(raws, therapist) + "' as the therapist (asks the most questions"
                    + " for the turns taken, or speaks first) and anyone else as client"));
        }
        List<Turn> turns = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            turns.add(new Turn(raw.number(), roles.get(key(raw.label())), raw.label(), raw.text(), raw.id()));
        }
        return turns;
    }

    private static String guess(List<Raw> raws, List<String> candidates) {
        Map<String, double[]> stats = new HashMap<>();
        for (Raw raw : raws) {
            String k = key(raw.label());
            if (!candidates.contains(k)) {
                continue;
            }
            double[] s = stats.computeIfAbsent(k, x -> new double[2]);
            s[0]++;
            if (raw.text().indexOf('?') >= 0 || startsLikeAQuestion(raw.text())) {
                s[1]++;
            }
        }
        String first = null;
        for (Raw raw : raws) {
            if (candidates.contains(key(raw.label()))) {
                first = key(raw.label());
                break;
            }
        }
        String best = null;
        double bestScore = -1;
        for (String name : candidates) {
            double[] s = stats.getOrDefault(name, new double[2]);
            double score = (s[1] + 0.5) / (s[0] + 1) + (name.equals(first) ? 0.15 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = name;
            }
        }
        return best;
    }

    private static boolean startsLikeAQuestion(String text) {
        String t = " " + text.trim().toLowerCase(Locale.ROOT);
        String head = t.length() > 48 ? t.substring(0, 48) : t;
        for (String w : new String[] {" how ", " what ", " did you", " do you", " can you", " could you", " would you",
                " have you", " are you", " when ", " where ", " why ", " which ", " is there", " was there", " tell me"}) {
            if (head.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String labelOf(List<Raw> raws, String key) {
        for (Raw raw : raws) {
            if (key(raw.label()).equals(key)) {
                return raw.label();
            }
        }
        return key;
    }

    private static String quoteAll(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(i == names.size() - 1 ? " and " : ", ");
            }
            b.append('\'').append(names.get(i)).append('\'');
        }
        return b.toString();
    }
}
