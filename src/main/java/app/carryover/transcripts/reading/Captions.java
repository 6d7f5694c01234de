package app.carryover.transcripts.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import app.carryover.transcripts.SpeakerRoles;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.TranscriptReader;

/**
 * WebVTT and SRT captions with speaker tags: {@code <v Dr Lee>text</v>} (WebVTT voice spans) or
 * {@code Dr Lee: text} at the start of a cue line. A cue without a tag continues the speaker before;
 * cues of one speaker in a row make one turn.
 */
public final class Captions {

    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[\\w.-]+)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<\\d{2}:[\\d:.]+>|\\{\\\\[^}]*}");

    private Captions() {
    }

    public static List<Transcript> read(String name, String clinician, String text, SpeakerRoles roles)
            throws TranscriptReader.UnreadableException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String> cueTexts = new ArrayList<>();
        int i = 0;
        int timings = 0;
        while (i < lines.length) {
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
            for (String cueLine : cue.split("\n")) {
                String voice = null;
                Matcher v = VOICE.matcher(cueLine);
                if (v.find()) {
                    voice = v.group(1).trim();
                }
                String clean = TAG.matcher(cueLine).replaceAll("").replace("&amp;", "&").replace("&lt;", "<")
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
        List<SpeakerRoles.Raw> raws = new ArrayList<>();
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
                SpeakerRoles.Raw last = raws.remove(raws.size() - 1);
                raws.add(new SpeakerRoles.Raw(last.number(), last.label(), last.text() + " " + speech, null));
            } else {
                raws.add(new SpeakerRoles.Raw(raws.size() + 1, label, speech, null));
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
        return List.of(new Transcript(name, clinician, roles.assign(raws, notes), notes));
    }
}
