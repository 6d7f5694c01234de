package app.carryover.transcripts;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Scores the drafts made from labelled therapist turns ({@code src/test/resources/transcripts/drafts/*.jsonl}):
 * how many turns give the right number of drafts, and per labelled task (matched to a draft in order)
 * whether the title names it, the dose read matches, the worksheet linked matches, and whether the
 * instructions leave out what the label says they must. Runs against the code it is compiled with, so the
 * same file scores the code before a change (where the draft-writing classes may not exist yet: the old
 * title, instructions and dose reading are used) and after.
 * <pre>java -cp CLASSES:DEPS app.carryover.transcripts.DraftTasksScore FILE.jsonl [--show]</pre>
 */
public final class DraftTasksScore {

    private DraftTasksScore() {
    }

    public static void main(String[] args) throws Exception {
        boolean show = args.length > 1 && args[1].equals("--show");
        System.out.println(score(Path.of(args[0]), show));
    }

    static String score(Path file, boolean show) throws IOException, ReflectiveOperationException {
        ObjectMapper json = new ObjectMapper();
        HomeworkDetector detector = HomeworkDetector.standard();
        Map<String, String> builtIns = new LinkedHashMap<>();
        for (String key : List.of("thought-record", "behavioural-experiment", "exposure-practice", "activity-schedule",
                "mood-tracker", "relaxation-practice", "worry-log", "sleep-diary", "skills-diary", "communication-practice",
                "boundary-practice", "pleasant-events", "problem-solving", "safety-plan")) {
            builtIns.put(key, key.replace('-', ' '));
        }
        Method findWorksheet = method("app.carryover.transcripts.WorksheetNames", "find", String.class, Map.class);
        int turns = 0, countRight = 0, labelled = 0, drafts = 0, titles = 0, doses = 0, doseLabelled = 0, doseRight = 0;
        int matched = 0;
        int doseMatched = 0;
        int shortTitles = 0;
        int wsLabelled = 0, wsFound = 0, wsRight = 0, clean = 0, cleanLabelled = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = json.readTree(line);
            turns++;
            String text = o.get("text").asString();
            String transcript = "C: " + o.get("before").asString() + "\nT: " + text + "\n";
            SessionDetection d = detector.detect(new TranscriptReader(SpeakerRoles.parse(null)).read("t.txt", "", transcript
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).transcripts().get(0));
            List<DetectedAssignment> found = d.assignments();
            JsonNode tasks = o.get("tasks");
            drafts += found.size();
            labelled += tasks.size();
            countRight += found.size() == tasks.size() ? 1 : 0;
            List<String> shown = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                DetectedAssignment a = found.get(k);
                StoredDetection s = new StoredDetection(null, null, null, a.turn(), StoredDetection.Kind.ASSIGNS, a.category(),
                        a.specific(), a.summary(), a.evidence(), text, StoredDetection.State.PROPOSED, null, null, null);
                String title = TranscriptDetections.title(s);
                String instructions = TranscriptDetections.instructions(s);
                boolean split = found.size() > 1;
                Optional<DoseWords.Guess> dose = findWorksheet == null ? DoseWords.guess(text)
                        : DoseWords.guess(a.summary()).or(() -> split ? Optional.empty() : DoseWords.guess(text));
                String doseSaid = dose.map(g -> g.kind() + (g.count() == null ? "" : " " + g.count())
                        + (g.weekdays().isEmpty() ? "" : " " + String.join(",", g.weekdays().stream().sorted().map(Enum::name).toList())))
                        .orElse(null);
                String worksheet = null;
                if (findWorksheet != null) {
                    Optional<?> named = (Optional<?>) findWorksheet.invoke(null, a.summary(), builtIns);
                    if (named.isEmpty() && !split) {
                        named = (Optional<?>) findWorksheet.invoke(null, text, builtIns);
                    }
                    worksheet = named.map(n -> n.toString().replaceAll(".*key=([^,\\]]+).*", "$1")).orElse(null);
                }
                shown.add("    [" + a.category().label() + "] title \"" + title + "\" · dose " + doseSaid + " · worksheet " + worksheet
                        + "\n      instructions \"" + instructions + "\"");
                if (k >= tasks.size()) {
                    continue;
                }
                matched++;
                JsonNode want = tasks.get(k);
                String lowerTitle = title.toLowerCase(Locale.ROOT);
                boolean named = false;
                for (JsonNode w : want.get("title_any")) {
                    named |= lowerTitle.contains(w.asString().toLowerCase(Locale.ROOT));
                }
                titles += named ? 1 : 0;
                shortTitles += title.split(" ").length <= 8 && !title.contains("?") ? 1 : 0;
                String wantDose = want.get("dose").isNull() ? null : want.get("dose").asString();
                if (wantDose != null) {
                    doseLabelled += 0;
                    doseRight += wantDose.equals(doseSaid) ? 1 : 0;
                } else {
                    doses += doseSaid == null ? 1 : 0;
                }
                if (wantDose != null) {
                    doseMatched++;
                }
                String wantSheet = want.get("worksheet").isNull() ? null : want.get("worksheet").asString();
                wsLabelled += wantSheet != null ? 1 : 0;
                wsFound += worksheet != null ? 1 : 0;
                wsRight += wantSheet != null && wantSheet.equals(worksheet) ? 1 : 0;
                if (want.has("instructions_not")) {
                    cleanLabelled++;
                    boolean ok = true;
                    for (JsonNode w : want.get("instructions_not")) {
                        ok &= !instructions.toLowerCase(Locale.ROOT).contains(w.asString().toLowerCase(Locale.ROOT));
                    }
                    clean += ok ? 1 : 0;
                }
            }
            if (show) {
                System.out.println(o.get("id").asString() + ": " + found.size() + " draft(s), labelled " + tasks.size());
                shown.forEach(System.out::println);
            }
        }
        doseLabelled = doseMatched;
        int noDose = matched - doseLabelled;
        return String.format(Locale.ROOT, "{\"turns\": %d, \"draft_count_acc\": %.3f, \"drafts\": %d, \"tasks\": %d, \"tasks_with_a_draft\": %d, "
                + "\"title_names_task\": %.3f, \"title_at_most_8_words\": %.3f, \"dose_acc\": %.3f, \"no_dose_kept_empty\": %.3f, \"worksheet_p\": %.3f, "
                + "\"worksheet_r\": %.3f, \"instructions_without_reflection\": \"%d/%d\"}",
                turns, countRight / (double) turns, drafts, labelled, matched, titles / (double) matched, shortTitles / (double) matched,
                doseLabelled == 0 ? 0 : doseRight / (double) doseLabelled, noDose == 0 ? 0 : doses / (double) noDose,
                wsFound == 0 ? 0 : wsRight / (double) wsFound, wsLabelled == 0 ? 0 : wsRight / (double) wsLabelled, clean, cleanLabelled);
    }

    private static Method method(String type, String name, Class<?>... params) {
        try {
            Method m = Class.forName(type).getDeclaredMethod(name, params);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }
}
