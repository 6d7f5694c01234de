package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import app.carryover.transcripts.Speaker;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TranscriptReader;
import app.carryover.transcripts.Turn;

/** Speaker-labelled text transcripts, one turn a line; see {@link TranscriptReader}. */
public final class PlainTranscripts {

    private PlainTranscripts() {
    }

    public static List<Transcript> read(String name, String clinician, String text, SpeakerRoles roles, ReadLimits limits)
            throws TranscriptReader.UnreadableException {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        Map<String, Speaker> header = new HashMap<>();
        String headerClinician = null;
        for (String line : lines) {
            String l = line.trim();
            if (!l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = l.substring(1, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            switch (key) {
                case "clinician" -> headerClinician = value;
                case "therapist", "counsellor", "counselor" -> {
                    header.put(value, Speaker.THERAPIST);
                    if (headerClinician == null) {
                        headerClinician = value;
                    }
                }
                case "client", "patient" -> {
                    for (String n : value.split("[,;&]| and ")) {
                        if (!n.isBlank()) {
                            header.put(n.trim(), Speaker.CLIENT);
                        }
                    }
                }
                case "speakers", "roles" -> {
                    try {
                        SpeakerRoles parsed = SpeakerRoles.parse(value);
                        for (String part : value.split("[,;]")) {
                            int eq = part.indexOf('=');
                            if (eq > 0) {
                                header.put(part.substring(0, eq).trim(), parsed.roleOf(part.substring(0, eq)));
                            }
                        }
                    } catch (IllegalArgumentException ignored) {
                        // an unreadable header is treated as no header; roles are then guessed
                    }
                }
                default -> {
                }
            }
        }
        SpeakerRoles fileRoles = roles.with(header);
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            body.add(line.trim().startsWith("#") ? "" : line);
        }
        Set<String> accepted = Labels.accepted(body, fileRoles);
        ReadLimits.Turns raws = limits.turns("line");
        List<String> notes = new ArrayList<>();
        int preamble = 0;
        for (int i = 0; i < body.size(); i++) {
            limits.checkTime();
            String line = body.get(i);
            if (line.isBlank()) {
                continue;
            }
            Labels.Split split = Labels.split(line);
            if (split != null && accepted.contains(SpeakerRoles.key(split.label()))) {
                raws.add(i + 1, normaliseLabel(split.label(), fileRoles), split.text(), null);
            } else if (!raws.isEmpty()) {
                raws.append(line.trim());
            } else {
                preamble++;
            }
        }
        if (preamble > 0 && !raws.isEmpty()) {
            notes.add(preamble + " line" + (preamble == 1 ? "" : "s") + " before the first speaker label ignored");
        }
        List<Turn> turns = fileRoles.assign(raws.raws(), notes);
        String who = headerClinician != null ? headerClinician : clinician;
        return List.of(new Transcript(name, who, turns, notes));
    }

    /** "Therapist (Dr Lee)" keeps its name for display but is looked up by its role when that is known. */
    static String normaliseLabel(String label, SpeakerRoles roles) {
        if (roles.roleOf(label) == null) {
            Speaker inner = Labels.roleInParentheses(label);
            if (inner != null) {
                return inner == Speaker.THERAPIST ? "Therapist" : inner == Speaker.CLIENT ? "Client" : "Other";
            }
        }
        return label;
    }
}
