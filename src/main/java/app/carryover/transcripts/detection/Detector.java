package app.carryover.transcripts.detection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.carryover.language.SpokenText;
import app.carryover.transcripts.DetectedAssignment;
import app.carryover.transcripts.DetectedTurn;
import app.carryover.transcripts.SessionDetection;
import app.carryover.transcripts.Transcript;
import app.carryover.transcripts.Turn;
import app.carryover.transcripts.TurnDetection;
import app.carryover.transcripts.HomeworkCategory;

/**
 * Finds homework assigned and earlier homework reviewed in therapist turns, as LABELING.md §1
 * defines them, with the words that decided each positive. Cues (future time and task verbs,
 * requests and suggestions, in-room and scheduling talk, past-tense references to earlier tasks,
 * homework nouns, what the client just said) are weighed by a logistic model trained on labelled
 * turns; in a whole session a second pass also sees the turns around each one. Needs neither the
 * server nor a database, and is safe to share between threads.
 */
public final class Detector {

    private static final double THRESHOLD = 0.5;
    /**
     * A task negotiated over several turns: the window looks back over at most this many therapist turns
     * and this many lines (proposal, the client's answer, a question, the answer, the confirmation).
     */
    static final int WINDOW_TURNS = 3;
    static final int WINDOW_LINES = 6;
    /**
     * A session counts as assigning (reviewing) only when one of its turns does so with at least this
     * probability: one spurious follow-up question should not flip a whole session's verdict, while a
     * real assignment or review has at least one unmistakable turn.
     */
    static final double SESSION_CONFIDENCE = 0.8;

    /** Words that open a task clause and read well at the start of its summary ("same card", "could you"). */
    private static final Set<String> LEAD_WORDS = WordSets.get("lead-words");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private final DetectorModel model;

    public Detector(DetectorModel model) {
        this.model = model;
    }

    /** The detector with the shipped model. */
    public static Detector standard() {
        return new Detector(DetectorModel.shipped());
    }

    /** One therapist utterance, with the client's utterance before it as context (may be empty). */
    public TurnDetection detectUtterance(String context, String text) {
        TurnFeatures f = TurnFeatures.of(text, context, null);
        double[] x = DetectorModel.lone(f);
        return decide(f, model.assign, model.review, x, Logistic.sigmoid(Logistic.dot(model.assign, x)),
                Logistic.sigmoid(Logistic.dot(model.review, x)), THRESHOLD, -1);
    }

    /** Every therapist turn of a session, and the session's verdicts and assignments. */
    public SessionDetection detect(Transcript transcript) {
        List<Turn> turns = transcript.turns();
        int n = turns.size();
        double[] assign1 = new double[n];
        double[] review1 = new double[n];
        String[] contexts = new String[n];
        for (int i = 0; i < n; i++) {
            if (!turns.get(i).byTherapist()) {
                continue;
            }
            contexts[i] = contextOf(turns, i);
            double[] x = DetectorModel.lone(TurnFeatures.of(turns.get(i).text(), contexts[i], null));
            assign1[i] = Logistic.sigmoid(Logistic.dot(model.assign, x));
            review1[i] = Logistic.sigmoid(Logistic.dot(model.review, x));
        }
        double[] assign2 = assign1.clone();
        double[] review2 = review1.clone();
        TurnFeatures[] features = new TurnFeatures[n];
        int therapistTurns = 0;
        for (int i = 0; i < n; i++) {
            if (!turns.get(i).byTherapist()) {
                continue;
            }
            TurnFeatures f = TurnFeatures.of(turns.get(i).text(), contexts[i], sequence(turns, i, assign2, review2, assign1));
            features[i] = f;
            assign2[i] = Logistic.sigmoid(Logistic.dot(model.assignInSession, f.values));
            review2[i] = Logistic.sigmoid(Logistic.dot(model.reviewInSession, f.values));
            therapistTurns++;
        }
        double[] own = new double[therapistTurns];
        for (int i = 0, k = 0; i < n; i++) {
            if (features[i] != null) {
                own[k++] = review2[i];
            }
        }
        double[] smoothed = model.reviewChain.smooth(own);
        List<DetectedTurn> detected = new ArrayList<>();
        int lastReview = -1;
        for (int i = 0, k = 0; i < n; i++) {
            if (features[i] == null) {
                continue;
            }
            TurnFeatures f = features[i];
            TurnDetection d = decide(f, model.assignInSession, model.reviewInSession, f.values, assign2[i], smoothed[k++],
                    SESSION_CONFIDENCE, lastReview);
            if (d.reviewsHomework()) {
                lastReview = turns.get(i).number();
            }
            detected.add(new DetectedTurn(turns.get(i), d));
        }
        return summarise(transcript, detected);
    }

    /**
     * The session's verdicts and its assignments. A turn that sets several tasks ("keep the sleep diary
     * going, and also try the breathing twice a day") gives one assignment per task ({@link Tasks}), each
     * with its own words, category and specificity. Assigning turns of one category that follow each other
     * within the window (at most {@link #WINDOW_TURNS} - 1 therapist turns apart, none of which assigns
     * something else, and {@link #WINDOW_LINES} + 2 lines) are one task proposed, negotiated and
     * confirmed: one assignment, counted at its last turn (the confirmation), with the earlier turns'
     * words as its evidence.
     */
    SessionDetection summarise(Transcript transcript, List<DetectedTurn> detected) {
        boolean assigned = false;
        boolean reviewed = false;
        List<DetectedAssignment> assignments = new ArrayList<>();
        DetectedTurn open = null;
        int between = 0;
        for (DetectedTurn d : detected) {
            TurnDetection t = d.detection();
            assigned |= t.assignProbability() >= SESSION_CONFIDENCE;
            reviewed |= t.reviewProbability() >= SESSION_CONFIDENCE;
            if (!t.assignsHomework()) {
                between++;
                continue;
            }
            boolean inWindow = open != null && (between == 0
                    || between < WINDOW_TURNS && d.turn().number() - open.turn().number() <= WINDOW_LINES + 2);
            // the assignments the window's last assigning turn set, any of which this turn may go on with
            List<Integer> openTasks = new ArrayList<>();
            for (int k = 0; inWindow && k < assignments.size(); k++) {
                if (assignments.get(k).turn() == open.turn().number()) {
                    openTasks.add(k);
                }
            }
            for (DetectedAssignment task : tasksOf(d)) {
                int same = -1;
                for (int k : openTasks) {
                    if (assignments.get(k).category() == task.category()) {
                        same = k;
                    }
                }
                if (same >= 0) {
                    // the same task set over several turns: one assignment, specific if any turn made it so
                    DetectedAssignment last = assignments.get(same);
                    Set<String> evidence = new LinkedHashSet<>(last.evidence());
                    evidence.addAll(task.evidence());
                    List<Integer> turns = new ArrayList<>(last.turns());
                    turns.add(d.turn().number());
                    assignments.set(same, new DetectedAssignment(d.turn().number(), last.category(),
                            last.specific() || task.specific(), join(last.summary(), task.summary()),
                            List.copyOf(evidence), turns));
                    openTasks.remove(Integer.valueOf(same));
                } else {
                    assignments.add(task);
                }
            }
            open = d;
            between = 0;
        }
        return new SessionDetection(transcript.session(), transcript.clinician(), detected, assigned, reviewed, assignments);
    }

    /**
     * The assignments one assigning turn sets: one per task it names. A turn with one task keeps the turn's
     * category and specificity; the tasks of a turn that sets several are each weighed on their own words.
     */
    private List<DetectedAssignment> tasksOf(DetectedTurn d) {
        TurnDetection t = d.detection();
        int turn = d.turn().number();
        List<Tasks.Task> tasks = Tasks.of(d.turn().text());
        if (tasks.size() <= 1) {
            String summary = tasks.isEmpty() ? t.summary() : cap(tasks.get(0).words());
            return List.of(new DetectedAssignment(turn, t.category(), Boolean.TRUE.equals(t.specific()), summary,
                    t.evidence()));
        }
        List<DetectedAssignment> out = new ArrayList<>();
        for (Tasks.Task task : tasks) {
            TurnFeatures f = TurnFeatures.of(task.words(), "", null);
            double[] p = new double[4];
            Logistic.probabilities(model.category, DetectorModel.categoryVector(f), p, 4);
            int best = 0;
            for (int c = 1; c < 4; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            boolean specific = Logistic.sigmoid(Logistic.dot(model.specific, DetectorModel.specificVector(f))) >= THRESHOLD;
            String lower = task.words().toLowerCase(java.util.Locale.ROOT);
            List<String> evidence = t.evidence().stream().filter(e -> lower.contains(e.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            if (evidence.isEmpty()) {
                evidence = List.of(f.text.span(0, Math.min(f.text.size() - 1, 6)));
            }
            out.add(new DetectedAssignment(turn, HomeworkCategory.values()[best], specific, cap(task.words()), evidence));
        }
        return out;
    }

    /** A task's words, at most 300 characters. */
    private static String cap(String words) {
        return words.length() <= 300 ? words : words.substring(0, 299) + "…";
    }

    private static String join(String a, String b) {
        String joined = a.equals(b) ? a : a + "; " + b;
        return joined.length() <= 900 ? joined : joined.substring(0, 899) + "…";
    }

    /** The client's words since the therapist last spoke (several clients in couples work). */
    public static String contextOf(List<Turn> turns, int i) {
        StringBuilder b = new StringBuilder();
        for (int k = i - 1; k >= 0 && !turns.get(k).byTherapist(); k--) {
            b.insert(0, turns.get(k).text() + " ");
        }
        return b.toString().trim();
    }

    /**
     * Where turn i stands: the previous therapist turn's assign and review probabilities (from
     * {@code assign} and {@code review}), the next one's assign probability (from {@code next}).
     */
    public static TurnFeatures.Sequence sequence(List<Turn> turns, int i, double[] assign, double[] review, double[] nextAssign) {
        int n = turns.size();
        int prev = i - 1;
        while (prev >= 0 && !turns.get(prev).byTherapist()) {
            prev--;
        }
        int next = i + 1;
        while (next < n && !turns.get(next).byTherapist()) {
            next++;
        }
        boolean assignedEarlier = false;
        for (int k = 0; k < i; k++) {
            assignedEarlier |= turns.get(k).byTherapist() && assign[k] > THRESHOLD;
        }
        String nextClient = i + 1 < n && !turns.get(i + 1).byTherapist() ? turns.get(i + 1).text() : null;
        double window = 0;
        for (int k = i - 1, seen = 0; k >= 0 && i - k <= WINDOW_LINES && seen < WINDOW_TURNS; k--) {
            if (turns.get(k).byTherapist()) {
                window = Math.max(window, assign[k]);
                seen++;
            }
        }
        boolean prevAsked = prev >= 0 && review[prev] > THRESHOLD && turns.get(prev).text().contains("?");
        return new TurnFeatures.Sequence(n <= 1 ? 0 : (double) i / (n - 1), prev >= 0 ? review[prev] : 0,
                prev >= 0 ? assign[prev] : 0, next < n ? nextAssign[next] : 0, nextClient, prevAsked, assignedEarlier,
                prev >= 0 ? turns.get(prev).text() : null, window);
    }

    /**
     * The detection of one turn from its probabilities; {@code reviewThreshold} is higher for the
     * smoothed probabilities of a session, {@code lastReview} the number of the turn that last
     * reviewed (or -1), named in the evidence of a follow-up that has no review words of its own.
     */
    private TurnDetection decide(TurnFeatures f, double[] assignWeights, double[] reviewWeights, double[] x, double pa,
            double pr, double reviewThreshold, int lastReview) {
        boolean assigns = pa >= THRESHOLD;
        boolean reviews = pr >= reviewThreshold;
        List<String> evidence = new ArrayList<>();
        HomeworkCategory category = null;
        Boolean specific = null;
        String summary = null;
        if (assigns) {
            evidence.addAll(evidence(f, assignWeights, x, 3, true));
            double[] p = new double[4];
            Logistic.probabilities(model.category, DetectorModel.categoryVector(f), p, 4);
            int best = 0;
            for (int c = 1; c < 4; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            category = HomeworkCategory.values()[best];
            specific = Logistic.sigmoid(Logistic.dot(model.specific, DetectorModel.specificVector(f))) >= THRESHOLD;
            summary = summary(f);
        }
        if (reviews) {
            List<String> words = evidence(f, reviewWeights, x, 2, false);
            if (words.isEmpty() && lastReview >= 0) {
                words = List.of("continues the review begun at turn " + lastReview + ": " + f.text.span(0, Math.min(f.text.size() - 1, 6)));
            }
            for (String e : words) {
                if (!evidence.contains(e)) {
                    evidence.add(e);
                }
            }
        }
        if ((assigns || reviews) && evidence.isEmpty() && f.text.size() > 0) {
            evidence.add(f.text.span(0, Math.min(f.text.size() - 1, 6)));
        }
        return new TurnDetection(assigns, reviews, category, specific, evidence, summary, pa, pr);
    }

    /** The words behind the strongest positive contributions, therapist's first, in text order. */
    private static List<String> evidence(TurnFeatures f, double[] w, double[] x, int max, boolean task) {
        List<int[]> chosen = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0 && w[j] * x[j] > 0 && f.spans[j] != null && f.spans[j][0] != -1) {
                order.add(j);
            }
        }
        order.sort((a, b) -> Double.compare(w[b] * x[b], w[a] * x[a]));
        if (task) {
            // an assignment's evidence names the request and the task first ("keep doing", "thought record"), then the rest
            int request = firstOf(f, TASK_REQUESTS);
            int named = firstOf(f, TASK_NAMES);
            for (int j : new int[] {named, request}) {
                if (j >= 0) {
                    order.remove(Integer.valueOf(j));
                    order.add(0, j);
                }
            }
        }
        for (int j : order) {
            int[] s = f.spans[j];
            boolean overlaps = false;
            for (int[] c : chosen) {
                if ((s[0] >= 0) == (c[0] >= 0) && overlap(s, c)) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(s);
            }
            if (chosen.size() == max) {
                break;
            }
        }
        chosen.sort((a, b) -> a[0] >= 0 && b[0] < 0 ? -1 : a[0] < 0 && b[0] >= 0 ? 1 : Integer.compare(Math.abs(a[0]), Math.abs(b[0])));
        List<String> out = new ArrayList<>();
        for (int[] s : chosen) {
            out.add(s[0] >= 0 ? sentencePart(f.text, s[0], s[1]) : "client: " + sentencePart(f.context, -2 - s[0], -2 - s[1]));
        }
        return out;
    }

    private static final List<String> TASK_REQUESTS = List.of("D_KEEP", "D_WANT", "D_PROPOSE", "D_WILLING", "D_FRAME", "D_TRY",
            "REQUEST", "D_YOU", "YOU_MODAL", "MAYBE", "IMP", "LETS", "D_WORTH");
    private static final List<String> TASK_NAMES = List.of("TASK_IN_DIR", "K_JOURNAL", "K_SKILL", "K_LEARN", "K_ACTION", "K_HEALTH");

    /** The first of the named features that is set and has words in the turn, or -1. */
    private static int firstOf(TurnFeatures f, List<String> names) {
        for (String name : names) {
            int j = TurnFeatures.index(name);
            if (f.values[j] != 0 && f.spans[j] != null && f.spans[j][0] >= 0) {
                return j;
            }
        }
        return -1;
    }

    /** The words from..to, starting after the last sentence boundary inside them, so evidence reads as one phrase. */
    private static String sentencePart(SpokenText t, int from, int to) {
        int start = from;
        for (int k = from + 1; k <= to; k++) {
            if (t.boundaryBefore(k) == SpokenText.SENTENCE) {
                start = k;
            }
        }
        return t.span(start, to);
    }

    private static boolean overlap(int[] a, int[] b) {
        int a0 = Math.min(Math.abs(a[0]), Math.abs(a[1]));
        int a1 = Math.max(Math.abs(a[0]), Math.abs(a[1]));
        int b0 = Math.min(Math.abs(b[0]), Math.abs(b[1]));
        int b1 = Math.max(Math.abs(b[0]), Math.abs(b[1]));
        return a0 <= b1 && b0 <= a1;
    }

    /** The task in one line: from its first task verb to the end of that sentence, at most 30 words. */
    private static String summary(TurnFeatures f) {
        SpokenText t = f.text;
        if (t.size() == 0) {
            return "";
        }
        int start = f.directiveVerbs.isEmpty() ? 0 : f.directiveVerbs.get(0);
        // prefer the first directive whose clause names a task
        outer:
        for (int v : f.directiveVerbs) {
            for (CueLexicon.Hit h : f.hits) {
                if (CueLexicon.DEFAULT.groups().get(h.group()).startsWith("K_") && h.from() >= v && h.from() <= v + 10) {
                    start = v;
                    break outer;
                }
            }
        }
        while (start > 0 && t.boundaryBefore(start) == SpokenText.NONE && start > 0
                && LEAD_WORDS.contains(t.word(start - 1))) {
            start--;
        }
        int end = start;
        while (end + 1 < t.size() && t.boundaryBefore(end + 1) != SpokenText.SENTENCE && end - start < 30) {
            end++;
        }
        if (end - start < 4 && end + 1 < t.size()) {
            end = Math.min(t.size() - 1, start + 20);
        }
        return SPACES.matcher(t.span(start, end)).replaceAll(" ");
    }
}
