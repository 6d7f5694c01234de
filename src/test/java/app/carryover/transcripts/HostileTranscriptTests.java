package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import app.carryover.transcripts.reading.ReadLimits;

/**
 * Issue 15 item 1: files built to make the reader backtrack or copy quadratically. Each must be
 * refused with a reason or read, within a bound far below the minutes the old reader took (the
 * 64 kB voice-tag line alone took 88 s through the upload); the figures are in docs/benchmarks.md.
 */
class HostileTranscriptTests {

    /** Well under a second on an idle machine (bench/hostile-transcripts); the bound leaves room for a loaded one. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final TranscriptReader upload = new TranscriptReader(SpeakerRoles.none(), TranscriptUploads.MAX_BYTES);
    private final TranscriptReader command = new TranscriptReader(SpeakerRoles.none());

    private static String vttCue(String cueLine) {
        return "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + cueLine + "\n";
    }

    private static TranscriptReader.Result timed(TranscriptReader reader, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(BOUND, () -> reader.read(name, "", bytes));
    }

    @Test
    void aVoiceTagOpenedAndNeverClosedOver64kBIsRefusedAtOnce() {
        TranscriptReader.Result r = timed(upload, "s.vtt", vttCue("<v" + " ".repeat(64 * 1024)));
        assertThat(r.transcripts()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("line 4 is 65,538 characters long");
    }

    @Test
    void theSameAt128kBThroughTheCommandIsRefusedToo() {
        TranscriptReader.Result r = timed(command, "s.vtt", vttCue("<v" + " ".repeat(128 * 1024)));
        assertThat(r.problems()).singleElement().asString().contains("characters long");
    }

    @Test
    void linesJustUnderTheLimitInEveryShapeTheOldPatternsBacktrackedOnAreReadLinearly() {
        // one such line of 20,000 characters cost the old patterns seconds; ten of each shape, in both formats
        int max = ReadLimits.MAX_LINE_CHARS;
        String[] shapes = {"<v" + " ".repeat(max - 2), "<v ".repeat(max / 3), "<a".repeat(max / 2), "{\\".repeat(max / 2),
            "<00:".repeat(max / 4), "A" + " ".repeat(max - 3) + "x:", "Dr Lee (" + "(".repeat(max - 9) + ":",
            "[A" + " ".repeat(max - 4) + "]x", "00:00" + " ".repeat(max - 5), "x".repeat(max)};
        for (String shape : shapes) {
            StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
            StringBuilder text = new StringBuilder("T: Hello.\nC: Hi.\n");
            for (int i = 0; i < 10; i++) {
                vtt.append("00:00:01.000 --> 00:00:02.000\n<v T>hi</v>\n").append(shape).append("\n\n");
                text.append(shape).append('\n');
            }
            assertThat(timed(upload, "s.vtt", vtt.toString()).problems()).as("captions of %s", shape.substring(0, 8))
                    .allSatisfy(p -> assertThat(p.message()).contains("longer than 100,000 characters"));
            assertThat(timed(upload, "s.txt", text.toString()).problems()).as("text of %s", shape.substring(0, 8))
                    .allSatisfy(p -> assertThat(p.message()).contains("longer than 100,000 characters"));
        }
    }

    @Test
    void twoMegabytesOfOpenVoiceTagsAreReadWithinTheBound() {
        String shape = "<v" + " ".repeat(ReadLimits.MAX_LINE_CHARS - 2);
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Therapist>Hello.</v>\n\n");
        while (vtt.length() < 2 * 1024 * 1024) {
            vtt.append("00:00:03.000 --> 00:00:04.000\n").append(shape).append("\n\n");
        }
        TranscriptReader.Result r = timed(upload, "s.vtt", vtt.toString());
        assertThat(r.problems()).isEmpty();
        // a tag never closed is text, as it always was: it continues the therapist's turn
        assertThat(r.transcripts().get(0).turns()).singleElement().extracting(Turn::text).asString()
                .startsWith("Hello. <v <v");
    }

    @Test
    void millionsOfOneCharacterLinesAreRefusedWithoutCopyingTheTurn() {
        // 3.2 MB of one-character lines took 385 s and 4.2 GB: each line was appended by copying the whole turn
        String text = "T: Let's start.\n" + "a\n".repeat(1_600_000);
        TranscriptReader.Result r = timed(upload, "s.txt", text);
        assertThat(r.transcripts()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("1,600,002 lines");
    }

    @Test
    void oneCharacterContinuationLinesUpToBothLimitsAreJoinedWithoutCopyingTheTurn() {
        // the old reader copied the whole turn for each line: 50,000 lines of a 100,000-character turn
        String text = "T: start\n" + "a\n".repeat(ReadLimits.MAX_LINES - 10);
        TranscriptReader.Result r = timed(upload, "s.txt", text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.transcripts().get(0).turns().get(0).text()).hasSize(5 + 2 * (ReadLimits.MAX_LINES - 10));
        String captions = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v T>start</v>\n" + "a\n".repeat(ReadLimits.MAX_LINES - 10);
        assertThat(timed(upload, "s.vtt", captions).transcripts().get(0).turns().get(0).text())
                .hasSize(5 + 2 * (ReadLimits.MAX_LINES - 10));
        String tooLong = "T: start\n" + "and then more\n".repeat(ReadLimits.MAX_TURN_CHARS / 10);
        assertThat(timed(upload, "s.txt", tooLong).problems()).singleElement().asString()
                .contains("the turn at line 1 is longer than 100,000 characters");
    }

    @Test
    void tooManyTurnsAreRefusedInEveryFormat() {
        String text = "T: Why?\nC: Because.\n".repeat(ReadLimits.MAX_TURNS / 2 + 1);
        assertThat(timed(upload, "s.txt", text).problems()).singleElement().asString()
                .contains("more than 20,000 turns");
        String json = "{\"speaker\":\"T\",\"text\":\"Why?\"}\n{\"speaker\":\"C\",\"text\":\"Because.\"}\n"
                .repeat(ReadLimits.MAX_TURNS / 2 + 1);
        assertThat(timed(upload, "s.jsonl", json).problems()).singleElement().asString()
                .contains("more than 20,000 turns");
    }

    @Test
    void anOrdinaryLongSessionIsStillRead() {
        String text = "T: How did the breathing go this week, and what got in the way?\nC: I did it twice a day.\n"
                .repeat(500);
        TranscriptReader.Result r = timed(upload, "s.txt", text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.transcripts().get(0).turns()).hasSize(1000);
    }
}
