package app.carryover.transcripts.detection;

import java.util.Set;

import app.carryover.language.SpokenText;

/**
 * The features of a turn's surroundings: the client's words before it (a report of doing a task, a
 * question about homework, an echo of the client's words) and, in a whole session, the neighbouring
 * turns (the previous therapist turn reviewed or assigned, where the turn stands, the client then agreed).
 */
final class ClientTurn {


    private ClientTurn() {
    }

    static void features(TurnFeatures f, boolean therapistAsks) {
        if (f.context.size() == 0) {
            f.set("ctx.EMPTY", 1, -1, -1);
            return;
        }
        boolean homework = f.has("ctx.C_HWNOUN") || f.has("ctx.C_THING") || f.has("ctx.C_LIKESAID") || f.has("ctx.C_ARTIFACT");
        if (homework) {
            f.copy("ctx.ANY_HW", "ctx.C_HWNOUN");
            f.copy("ctx.ANY_HW", "ctx.C_THING");
            f.copy("ctx.ANY_HW", "ctx.C_LIKESAID");
            f.copy("ctx.ANY_HW", "ctx.C_ARTIFACT");
        }
        if (f.has("ctx.C_LIFE") && !homework && !f.clientNamesTask && f.contextTasks.isEmpty() && f.has("ctx.C_DID")) {
            // "I went to my cousin's wedding": an event of the client's life, not a report of a task
            int k = TurnFeatures.index("ctx.C_DID");
            f.values[k] = 0;
            f.spans[k] = null;
        }
        boolean did = f.has("ctx.C_DID") || f.has("ctx.C_NOTDONE") || f.has("ctx.C_EMPHATIC");
        // a report of doing a task: "I did the diary", "I used TIPP", or a verdict on a task ("the breathing helped")
        boolean report = f.has("ctx.C_DIDTHE") || (did && (homework || f.clientNamesTask || f.has("ctx.C_DOSE"))) || f.has("ctx.C_ARTIFACT")
                || f.has("ctx.C_LIKESAID") || f.has("ctx.C_EMPHATIC") || f.has("ctx.C_VERDICT") && (homework || f.clientNamesTask);
        int echo = echo(f);
        if (echo >= 0) {
            f.set("ctx.ECHO", 1, echo, echo);
        }
        boolean contextAsks = false;
        for (int i = 0; i < f.context.size(); i++) {
            contextAsks |= f.context.inQuestion(i);
        }
        if (contextAsks) {
            f.set("ctx.QUESTION", 1, -1, -1);
        }
        if (contextAsks && homework && (f.has("ctx.C_QUESTION_GENERAL") || !did)) {
            f.set("ctx.HW_Q_GENERAL", 1, -1, -1);
        }
        if (report && !contextAsks) {
            int[] from = f.spans[TurnFeatures.index(f.has("ctx.C_DIDTHE") ? "ctx.C_DIDTHE" : f.has("ctx.C_DID") ? "ctx.C_DID" : f.has("ctx.C_ARTIFACT") ? "ctx.C_ARTIFACT"
                    : f.has("ctx.C_LIKESAID") ? "ctx.C_LIKESAID" : f.has("ctx.C_EMPHATIC") ? "ctx.C_EMPHATIC"
                    : f.has("ctx.C_NOTDONE") ? "ctx.C_NOTDONE" : "ctx.C_VERDICT")];
            f.set("ctx.REPORT", 1, from[0], from[1]);
            if (therapistAsks) {
                f.set("ctx.REPORT_Q", 1, -1, -1);
            }
            if (f.has("R_ACK") || f.has("R_LOOK") || f.has("ECHO_COUNT") || f.has("R_HOW_GO") || f.has("R_OBJECT")) {
                f.set("ctx.REPORT_ENGAGE", 1, -1, -1);
            }
            if (f.has("RN_DEFLECT")) {
                f.set("ctx.REPORT_DEFLECT", 1, -1, -1);
            }
            if (f.has("N_SCHED") || f.has("N_NOW") || f.has("IMP_ROOM") || f.has("RN_DEFLECT") || f.has("N_SELF") || f.has("N_GENERAL")) {
                f.set("ctx.REPORT_OFFTOPIC", 1, -1, -1);
            }
            if (f.has("DIR_ANY")) {
                f.set("ctx.REPORT_DIR", 1, -1, -1);
            }
            if (echo >= 0) {
                f.set("ctx.REPORT_ECHO", 1, echo, echo);
            }
        }
    }

    private static final Set<String> STOP = WordSets.get("stop");

    /** The first of the therapist's opening words that repeats a content word of the client's turn, or -1. */
    private static int echo(TurnFeatures f) {
        Set<String> said = new java.util.HashSet<>();
        for (int i = 0; i < f.context.size(); i++) {
            String w = f.context.word(i);
            if ((w.length() >= 4 || f.context.isNumber(i) && !w.equals("one")) && !STOP.contains(w)) {
                said.add(w);
            }
        }
        for (int i = 0; i < Math.min(f.text.size(), 8); i++) {
            if (said.contains(f.text.word(i))) {
                return i;
            }
        }
        return -1;
    }

    static void neighbours(TurnFeatures f, TurnFeatures.Sequence s) {
        if (s == null) {
            return;
        }
        f.set("seq.ON", 1, -1, -1);
        f.set("seq.PREV_REVIEW", s.previousReview(), -1, -1);
        f.set("seq.PREV_ASSIGN", s.previousAssign(), -1, -1);
        f.set("seq.NEXT_ASSIGN", s.nextAssign(), -1, -1);
        if (s.position() < 0.35) {
            f.set("seq.EARLY", 1, -1, -1);
        }
        if (s.position() > 0.6) {
            f.set("seq.LATE", 1, -1, -1);
        }
        if (s.previousReview() > 0.5 && !f.has("RN_DEFLECT") && !f.has("N_NOW") && !f.has("DIR_ANY")) {
            f.set("seq.REVIEW_RUN", 1, -1, -1);
        }
        if (s.previousAssign() > 0.5 && (f.has("TASK_ANY") || f.has("TIME_ANY") || f.has("DIR_ANY"))) {
            f.set("seq.ASSIGN_RUN", 1, -1, -1);
        }
        if (s.previousReviewAsked() && !f.has("RN_DEFLECT")) {
            f.set("seq.PREV_REVIEW_Q", 1, -1, -1);
        }
        if (s.assignedEarlier()) {
            f.set("seq.AFTER_ASSIGN", 1, -1, -1);
        }
        if (s.nextClientText() != null && acceptance(s.nextClientText())) {
            f.set("seq.NEXT_ACCEPT", 1, -1, -1);
        }
        window(f, s.windowAssign());
    }

    /**
     * A task negotiated over several turns (proposal, negotiation, confirmation): {@code windowAssign} is
     * the strongest assigning turn of the therapist's last few turns. After a proposal, a short question
     * closing the turn or a restatement with a time, a count or a task confirms it; a question about
     * numbers or days with no task of its own only negotiates.
     */
    private static void window(TurnFeatures f, double windowAssign) {
        f.set("seq.WINDOW_ASSIGN", windowAssign, -1, -1);
        if (windowAssign <= 0.5) {
            return;
        }
        boolean restates = f.has("TIME_SPECIFIC") || f.has("HAS_NUMBER") || f.has("TASK_ANY") || f.has("K_HEALTH");
        if (f.has("CONFIRM_TAG") || f.has("D_CONFIRM")) {
            int[] span = f.spans[TurnFeatures.index(f.has("D_CONFIRM") ? "D_CONFIRM" : "CONFIRM_TAG")];
            f.set("seq.WINDOW_CONFIRM", 1, span[0], span[1]);
        }
        if (restates && !f.has("N_READY") && !f.has("N_FACT")) {
            f.set("seq.WINDOW_RESTATE", 1, -1, -1);
        }
        if ((f.has("N_NEGOTIATE") || f.has("ALL_QUESTION")) && !restates && !f.has("D_CONFIRM")) {
            f.set("seq.WINDOW_NEGOTIATE", 1, -1, -1);
        }
    }

    private static boolean acceptance(String client) {
        String c = " " + SpokenText.of(client).normalised() + " ";
        for (String cue : new String[] {" i can do that ", " i could do that ", " i will ", " will do ", " got it ",
                " i can try ", " i will try ", " sounds good ", " okay i can ", " i can manage ", " that is fine ",
                " every day ", " each day ", " what if ", " same sheet ", " i could ", " i can do ", " i will do ",
                " deal ", " fine ", " yeah okay ", " okay "}) {
            if (c.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
