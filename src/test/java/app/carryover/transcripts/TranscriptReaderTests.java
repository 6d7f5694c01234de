package app.carryover.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TranscriptReaderTests {

    private final TranscriptReader reader = new TranscriptReader(SpeakerRoles.none());

    private TranscriptReader.Result read(String name, String text) {
        return reader.read(name, "", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Transcript only(TranscriptReader.Result result) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.transcripts()).hasSize(1);
        return result.transcripts().get(0);
    }

    @Test
    void readsTAndCLinesNumberingTurnsByTheirLine() {
        Transcript t = only(read("s1.txt", "T: Hi, how was the week?\nC: Fine.\n\nT: Did you fill in the diary?\n"));
        assertThat(t.turns()).extracting(Turn::number).containsExactly(1, 2, 4);
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.THERAPIST, Speaker.CLIENT, Speaker.THERAPIST);
        assertThat(t.turns().get(2).text()).isEqualTo("Did you fill in the diary?");
    }

    @Test
    void continuationLinesJoinTheTurnBeforeAndSpeechWithAColonIsNotASpeaker() {
        Transcript t = only(read("s.txt", "Therapist: Here is the plan:\nThe rule is: one walk a day.\nClient: Okay.\n"));
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(0).text()).isEqualTo("Here is the plan: The rule is: one walk a day.");
    }

    @Test
    void namesTheRolesFromAHeaderAndTheClinicianWithThem() {
        Transcript t = only(read("s.txt", "# speakers: Dr Lee=therapist, Sam=client\n# clinician: Dr Lee\n"
                + "Sam: I did the breathing twice.\nDr Lee: Twice! How was it?\n"));
        assertThat(t.clinician()).isEqualTo("Dr Lee");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.CLIENT, Speaker.THERAPIST);
    }

    @Test
    void namesTheRolesFromTheCommandsSpeakersOption() {
        TranscriptReader named = new TranscriptReader(SpeakerRoles.parse("Alex=client, Morgan=therapist"));
        Transcript t = only(named.read("s.txt", "", "Alex: Hi.\nMorgan: How did the week go?\nAlex: Good.\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.CLIENT, Speaker.THERAPIST, Speaker.CLIENT);
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void guessesTheTherapistAsTheSpeakerWhoAsksAndSaysSo() {
        Transcript t = only(read("s.txt", "Speaker 1: Hi Jo, how has the week been?\nSpeaker 2: Busy.\n"
                + "Speaker 1: Busy how? What happened?\nSpeaker 2: Work mostly.\nSpeaker 1: Did you try the walks?\n"
                + "Speaker 2: Twice.\n"));
        assertThat(t.turns()).extracting(Turn::speaker).startsWith(Speaker.THERAPIST, Speaker.CLIENT);
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("guessed 'Speaker 1' as the therapist"));
    }

    @Test
    void acceptsSpeechRecognitionSpeakerNamesEvenWhenEachSpeaksOnce() {
        Transcript t = only(read("asr.txt", "SPEAKER_00: hi there so how was the week\nSPEAKER_01: fine i guess\n"));
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.THERAPIST, Speaker.CLIENT);
    }

    @Test
    void readsWebVttVoiceTagsAndMergesCuesOfOneSpeaker() {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dr Lee>Before we finish,</v>\n\n"
                + "00:00:03.000 --> 00:00:06.000\n<v Dr Lee>this week try the breathing twice a day.</v>\n\n"
                + "00:00:06.500 --> 00:00:07.000\n<v Sam>Okay, I will.</v>\n";
        Transcript t = only(new TranscriptReader(SpeakerRoles.parse("Dr Lee=therapist,Sam=client"))
                .read("s.vtt", "", vtt.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(0).text()).isEqualTo("Before we finish, this week try the breathing twice a day.");
        assertThat(t.turns().get(0).speaker()).isEqualTo(Speaker.THERAPIST);
        assertThat(t.turns().get(1).number()).isEqualTo(2);
    }

    @Test
    void readsSrtCaptionsWithNameColonSpeakers() {
        String srt = "1\n00:00:01,000 --> 00:00:04,000\nTherapist: How did the thought records go?\n\n"
                + "2\n00:00:04,500 --> 00:00:06,000\nClient: I did three.\n\n"
                + "3\n00:00:06,500 --> 00:00:08,000\nTherapist: Three is good.\n";
        Transcript t = only(read("s.srt", srt));
        assertThat(t.turns()).extracting(Turn::text)
                .containsExactly("How did the thought records go?", "I did three.", "Three is good.");
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.THERAPIST, Speaker.CLIENT, Speaker.THERAPIST);
    }

    @Test
    void readsJsonChatMessagesInTheirVariantsAndSessions() {
        String jsonl = "{\"session\":\"a\",\"role\":\"therapist\",\"content\":\"hi, how did the diary go?\"}\n"
                + "{\"session\":\"a\",\"role\":\"client\",\"content\":\"ok\"}\n"
                + "{\"session\":\"b\",\"speaker\":\"T\",\"text\":\"read the leaflet tonight\",\"id\":\"m3\"}\n"
                + "not json\n";
        TranscriptReader.Result r = read("chat.jsonl", jsonl);
        assertThat(r.transcripts()).extracting(Transcript::session).containsExactly("chat.jsonl#a", "chat.jsonl#b");
        assertThat(r.transcripts().get(1).turns().get(0).id()).isEqualTo("m3");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("1 line is not JSON"));
    }

    @Test
    void textOpeningWithATimestampOrABracketedSpeakerIsNotTakenForAJsonArray() {
        Transcript stamped = only(read("s.txt", "[00:00:04] Therapist: Hello, how was the week?\n"
                + "[00:00:11] Client: I did the exposures.\n[00:00:18] Therapist: How many times?\n"));
        assertThat(stamped.turns()).extracting(Turn::number).containsExactly(1, 2, 3);
        assertThat(stamped.turns().get(2).text()).isEqualTo("How many times?");
        Transcript bracketed = only(read("s.txt", "[Therapist] Hello.\n[Client] Hi.\n"));
        assertThat(bracketed.turns()).extracting(Turn::speaker).containsExactly(Speaker.THERAPIST, Speaker.CLIENT);
        Transcript array = only(read("chat.txt", " [ {\"speaker\": \"T\", \"text\": \"read the leaflet tonight\"} ]"));
        assertThat(array.turns()).hasSize(1);
    }

    @Test
    void readsSpeechRecognitionTextWithoutPunctuation() {
        Transcript t = only(read("asr.txt", "THERAPIST: um so how did the uh breathing go\nCLIENT: i did it like twice\n"
                + "THERAPIST: okay so for this week you know try the breathing every morning for five minutes\n"));
        assertThat(t.turns()).hasSize(3);
        SessionDetection d = HomeworkDetector.standard().detect(t);
        assertThat(d.turns().get(1).detection().assignsHomework()).isTrue();
        assertThat(d.turns().get(1).detection().category()).isEqualTo(HomeworkCategory.SKILL_PRACTICE);
    }

    @Test
    void refusesEmptyAndBinaryFilesWithAReason() {
        assertThat(reader.read("empty.txt", "", new byte[0]).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(reader.read("image.txt", "", binary).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("binary"));
    }

    @Test
    void refusesAFileLargerThanTheLimitSayingHowLarge() {
        TranscriptReader small = new TranscriptReader(SpeakerRoles.none(), 10);
        TranscriptReader.Result r = small.read("big.txt", "", "T: far more than ten bytes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.transcripts()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("larger than"));
    }

    @Test
    void readsLatin1LinesInsideUtf8AndSaysSo() {
        byte[] utf8 = "T: Café tonight?\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "C: Oui, très bien.\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[utf8.length + latin1.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(latin1, 0, mixed, utf8.length, latin1.length);
        TranscriptReader.Result r = reader.read("mixed.txt", "", mixed);
        assertThat(only(r).turns()).extracting(Turn::text).containsExactly("Café tonight?", "Oui, très bien.");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("Windows-1252"));
    }

    @Test
    void saysWhenNoLineHasASpeakerLabel() {
        TranscriptReader.Result r = read("notes.txt", "Just some notes about the session.\nNothing labelled here.\n");
        assertThat(r.transcripts()).isEmpty();
        assertThat(r.problems()).extracting(TranscriptReader.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("no speaker-labelled turns"));
    }

    @Test
    void saysWhenNoSpeakerIsTheTherapist() {
        TranscriptReader.Result r = read("c.txt", "Client: hello\nClient: anyone?\n");
        assertThat(r.transcripts()).isEmpty();
        assertThat(r.problems()).extracting(TranscriptReader.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("no therapist turn"));
    }

    @Test
    void speakersOptionRejectsAnUnknownRole() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpeakerRoles.parse("Sam=patient-ish"))
                .hasMessageContaining("Sam=patient-ish");
        assertThat(List.of(Speaker.ofRoleLabel("Counsellor"), Speaker.ofRoleLabel("Client 2"), Speaker.ofRoleLabel("T")))
                .containsExactly(Speaker.THERAPIST, Speaker.CLIENT, Speaker.THERAPIST);
    }
}
