package app.carryover.transcripts;

/**
 * Small transcripts of one session in every format the upload takes, each with a review of earlier
 * homework and one or two assignments (a thought record every evening; in the plain text also slow
 * breathing twice a day).
 */
public final class SampleTranscripts {

    public static final String PLAIN = """
            T: Hi Sam, good to see you. How did the breathing practice go this week?
            C: I did it most mornings, maybe five times.
            T: That's great, you did it. What did you notice when you did the breathing?
            C: I felt calmer before work.
            T: Let's build on that. This week, I'd like you to keep a thought record every evening before bed: write down the situation, the thought and how strongly you believed it.
            C: Okay, I can do that.
            T: And keep doing the slow breathing twice a day, for five minutes, after breakfast and before bed.
            C: Sure.
            """;

    public static final String WEBVTT = """
            WEBVTT

            00:00:01.000 --> 00:00:05.000
            <v Dr Lee>How did the breathing practice go this week?

            00:00:05.500 --> 00:00:09.000
            <v Sam>I did it most mornings, maybe five times.

            00:00:10.000 --> 00:00:20.000
            <v Dr Lee>Great. This week, I'd like you to keep a thought record every evening before bed, writing down the situation and the thought.

            00:00:21.000 --> 00:00:23.000
            <v Sam>Okay, I can do that.
            """;

    public static final String SRT = """
            1
            00:00:01,000 --> 00:00:05,000
            Therapist: How did the breathing practice go this week?

            2
            00:00:05,500 --> 00:00:09,000
            Client: I did it most mornings, maybe five times.

            3
            00:00:10,000 --> 00:00:20,000
            Therapist: Great. This week, I'd like you to keep a thought record every evening before bed, writing down the situation and the thought.

            4
            00:00:21,000 --> 00:00:23,000
            Client: Okay, I can do that.
            """;

    public static final String JSONL = """
            {"speaker": "therapist", "text": "How did the breathing practice go this week?"}
            {"speaker": "client", "text": "I did it most mornings, maybe five times."}
            {"speaker": "therapist", "text": "Great. This week, I'd like you to keep a thought record every evening before bed, writing down the situation and the thought."}
            {"speaker": "client", "text": "Okay, I can do that."}
            """;

    /** A session in which nothing is assigned or reviewed. */
    public static final String NOTHING = """
            T: What would you like to talk about today?
            C: Work has been hard.
            T: Tell me more about what has been hard.
            C: My manager keeps changing the plan.
            """;

    private SampleTranscripts() {
    }
}
