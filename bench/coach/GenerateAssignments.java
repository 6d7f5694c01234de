import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes N assignment lines (LABELING.md section 2 input fields) built from varied templates, for the coach
 * benchmark: professional, needs-work and vague assignments of different lengths, some with a previous step,
 * some with markup or emoji. Not copies of the development set. Usage: java GenerateAssignments.java N OUT [SEED]
 */
public class GenerateAssignments {

    static final String[][] TOPICS = {
        {"Sleep through the night", "Stimulus control", "sleep diary", "get out of bed if you are awake for more than 20 minutes", "bed is for sleeping"},
        {"Go to the supermarket alone", "Agoraphobia hierarchy", "exposure record", "walk to the corner shop alone and buy one item", "anxiety falls when you stay"},
        {"Drink less alcohol", "Drink-free days", "drink diary", "keep two evenings alcohol-free and plan an activity for 7pm", "cravings pass without drinking"},
        {"Feel less low", "Behavioural activation", "activity schedule", "do one planned activity you used to enjoy", "doing comes before feeling like it"},
        {"Worry less about health", "Reassurance seeking", "urge log", "wait 20 minutes before checking your pulse", "anxiety settles without checking"},
        {"Stop checking the locks", "ERP", "ERP form", "lock the door once, say 'locked' and walk away", "the doubt fades by itself"},
        {"Speak up in meetings", "Social anxiety experiments", "experiment sheet", "ask one question in the team meeting", "people react less harshly than you predict"},
        {"Cope with panic attacks", "Interoceptive exposure", "interoceptive sheet", "spin on a chair for 30 seconds without calming yourself", "the sensations are not dangerous"},
        {"Manage chronic pain", "Pacing", "pacing chart", "do housework in 15-minute blocks with a 10-minute rest", "steady activity avoids boom and bust"},
        {"Fewer tantrums at bedtime", "Praise and planned ignoring", "star chart", "praise your son straight away when he gets into bed", "praise makes it more likely to happen again"},
        {"Stop bingeing", "Regular eating", "food monitoring record", "eat three meals and two snacks at planned times", "regular eating takes away the pressure to binge"},
        {"Reduce rumination", "Attention shifting", "rumination log", "get up and do ten minutes of a puzzle when you notice replaying", "shifting attention breaks the loop"},
    };
    static final String[] FREQUENCIES = {"every evening", "three times this week", "twice a day", "on four days", "once a day",
        "every morning before 10am", "on Monday, Wednesday and Friday", "daily", "5 times this week", "each weekday"};
    static final String[] DURATIONS = {"for 10 minutes", "for 20 minutes", "for half an hour", "", "for 5 minutes", ""};
    static final String[] VAGUE = {"Try to be more positive.", "Think about what we discussed today.", "Be kinder to yourself.",
        "Just notice your feelings this week.", "Try to relax more, because stress makes everything harder.",
        "Apply whatever resonated from the session.", "Keep your goals in mind.", "Get out a bit more.",
        "Stay calm and trust the process.", "Work on your confidence."};
    static final String[] PREVIOUS = {"Step 2 (with a friend): done 4 times; anxiety fell from 60 to 30.",
        "Step 3: attempted once, left after two minutes.", "Same task: done every day for two weeks; anxiety 0-1.",
        "Managed 2 of 7 days.", "Completed 6 of 7 days with good detail."};

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String[] t = TOPICS[random.nextInt(TOPICS.length)];
                String goal = t[0];
                String focus = t[1];
                String title;
                String instructions;
                int kind = random.nextInt(10);
                String freq = FREQUENCIES[random.nextInt(FREQUENCIES.length)];
                String dur = DURATIONS[random.nextInt(DURATIONS.length)];
                if (kind < 4) {
                    title = capitalise(t[3].split(" ")[0]) + " practice";
                    instructions = capitalise(freq) + ", " + t[3] + (dur.isEmpty() ? "" : " " + dur) + ". Note it each time on the "
                            + t[2] + ", with a 0-10 rating. This shows you that " + t[4] + ".";
                } else if (kind < 7) {
                    title = "Practice: " + t[2];
                    instructions = capitalise(t[3]) + (random.nextBoolean() ? " and record it on the " + t[2] : "")
                            + (random.nextBoolean() ? ", so we can see whether " + t[4] : "") + ".";
                } else {
                    title = "Homework";
                    instructions = VAGUE[random.nextInt(VAGUE.length)];
                }
                if (random.nextInt(20) == 0) {
                    instructions = "<p>" + instructions + "</p>";
                }
                if (random.nextInt(25) == 0) {
                    instructions = instructions + " 🙂";
                }
                if (random.nextInt(15) == 0) {
                    goal = "";
                    focus = random.nextBoolean() ? "" : focus;
                }
                String previous = random.nextInt(4) == 0 ? PREVIOUS[random.nextInt(PREVIOUS.length)] : null;
                w.write("{\"id\": \"b-" + i + "\", \"goal\": " + json(goal) + ", \"session_focus\": " + json(focus)
                        + ", \"title\": " + json(title) + ", \"instructions\": " + json(instructions) + ", \"previous\": "
                        + (previous == null ? "null" : json(previous)) + "}");
                w.newLine();
            }
        }
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
