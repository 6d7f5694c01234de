package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TranscriptReader;

/**
 * WebVTT and SRT captions with speaker tags: {@code <v Dr Lee>text</v>} (WebVTT voice spans) or
 * {@code Dr Lee: text} at the start of a cue line. A cue without a tag continues the speaker before;
 * cues of one speaker in a row make one turn. Tags are found by scanning, not by patterns, so no line
 * can make the reading backtrack (issue 15: a {@code <v} followed by 64 kB of spaces took 88 s).
 */
public final class Captions {

    private Captions() {
    }

    public static List<Transcript> read(String name, String clinician, String text, SpeakerRoles roles, ReadLimits limits)
            throws TranscriptReader.UnreadableException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String> cueTexts = new ArrayList<>();
        int i = 0;
        int timings = 0;
        while (i < lines.length) {
            limits.checkTime();
            String line = lines[i];
            if (line.contains("-->")) {
                timings++;
                i++;
                StringBuilder cue = new StringBuilder();
                while (i < lines.length && !lines[i].isBlank()) {
                    if (cue.length() > 0) {
                        cue.append('\n');
                    }
                    cue.append(lines[i]);
                    i++;
                }
                cueTexts.add(cue.toString());
            } else if (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION")) {
                while (i < lines.length && !lines[i].isBlank()) {
                    i++;
                }
            } else {
                i++;
            }
        }
        if (timings == 0) {
            throw new TranscriptReader.UnreadableException("it looks like captions but has no cue timings ('00:00:01.000 --> ...')");
        }
        List<String> plainLines = new ArrayList<>();
        List<String[]> pieces = new ArrayList<>();
        for (String cue : cueTexts) {
            limits.checkTime();
            for (String cueLine : cue.split("\n")) {
                String voice = voice(cueLine);
                String clean = withoutTags(cueLine).replace("&amp;", "&").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&nbsp;", " ").trim();
                if (clean.startsWith("- ") || clean.startsWith("– ")) {
                    clean = clean.substring(2).trim();
                }
                if (clean.isEmpty()) {
                    continue;
                }
                pieces.add(new String[] {voice, clean});
                if (voice == null) {
                    plainLines.add(clean);
                }
            }
        }
        Set<String> accepted = Labels.accepted(plainLines, roles);
        ReadLimits.Turns raws = limits.turns("turn");
        String current = null;
        int unlabelled = 0;
        for (String[] piece : pieces) {
            String label = piece[0];
            String speech = piece[1];
            if (label == null) {
                Labels.Split split = Labels.split(speech);
                if (split != null && accepted.contains(SpeakerRoles.key(split.label()))) {
                    label = split.label();
                    speech = split.text();
                }
            }
            if (label == null) {
                label = current;
            }
            if (label == null) {
                unlabelled++;
                continue;
            }
            if (!raws.isEmpty() && SpeakerRoles.key(label).equals(SpeakerRoles.key(current))) {
                raws.append(speech);
            } else {
                raws.add(raws.size() + 1, label, speech, null);
            }
            current = label;
        }
        if (raws.isEmpty()) {
            throw new TranscriptReader.UnreadableException("the captions carry no speaker tags ('<v Name>' or 'Name:'),"
                    + " so therapist and client cannot be told apart");
        }
        List<String> notes = new ArrayList<>();
        if (unlabelled > 0) {
            notes.add(unlabelled + " caption line" + (unlabelled == 1 ? "" : "s") + " before the first speaker tag ignored");
        }
        return List.of(new Transcript(name, clinician, roles.assign(raws.raws(), notes), notes));
    }

    /** The speaker of a WebVTT voice span on the line ({@code <v Dr Lee>}, {@code <v.loud Sam>}), or null. */
    static String voice(String line) {
        int n = line.length();
        for (int at = line.indexOf("<v"); at >= 0; at = line.indexOf("<v", at + 1)) {
            int i = at + 2;
            if (i < n && line.charAt(i) == '.') {
                int classes = ++i;
                while (i < n && (isWordChar(line.charAt(i)) || line.charAt(i) == '.' || line.charAt(i) == '-')) {
                    i++;
                }
                if (i == classes) {
                    continue;
                }
            }
            int spaces = i;
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == spaces) {
                continue;
            }
            int close = line.indexOf('>', i);
            if (close < 0) {
                return null; // no later tag can close either
            }
            String voice = line.substring(i, close).trim();
            if (!voice.isEmpty()) {
                return voice;
            }
        }
        return null;
    }

    /**
     * The line without markup: {@code <b>}, {@code </v>} and other tags, {@code <00:00:01.000>} timestamps and
     * {@code {\an8}} SRT overrides. One pass; the next '>' and '}' are remembered, never searched for twice.
     */
    static String withoutTags(String line) {
        int n = line.length();
        StringBuilder out = new StringBuilder(n);
        int nextGt = -2;
        int nextBrace = -2;
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '<' && i + 1 < n) {
                if (nextGt != -1 && nextGt < i) {
                    nextGt = line.indexOf('>', i);
                }
                int j = i + 1;
                if (line.charAt(j) == '/') {
                    j++;
                }
                if (nextGt > j && isAsciiLetter(line.charAt(j))) {
                    i = nextGt + 1;
                    continue;
                }
                int k = i + 1;
                if (k + 2 < n && isDigit(line.charAt(k)) && isDigit(line.charAt(k + 1)) && line.charAt(k + 2) == ':') {
                    k += 3;
                    int run = k;
                    while (k < n && (isDigit(line.charAt(k)) || line.charAt(k) == ':' || line.charAt(k) == '.')) {
                        k++;
                    }
                    if (k > run && k < n && line.charAt(k) == '>') {
                        i = k + 1;
                        continue;
                    }
                }
            } else if (c == '{' && i + 1 < n && line.charAt(i + 1) == '\\') {
                if (nextBrace != -1 && nextBrace < i) {
                    nextBrace = line.indexOf('}', i);
                }
                if (nextBrace > i) {
                    i = nextBrace + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
