package app.carryover.transcripts.reading;

import java.util.Locale;
import app.carryover.transcripts.TranscriptReader;

/** How an uploaded transcript was written, as the reader recognised it. */
public enum TranscriptFormat {
    TEXT("speaker-labelled text"), WEBVTT("WebVTT captions"), SRT("SRT captions"), JSON_CHAT("JSON chat messages");

    private final String words;

    TranscriptFormat(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The format the reader will take the file for (the reader decides; this only names it). */
    public static TranscriptFormat of(String fileName, String text) {
        switch (TranscriptReader.Formats.of(fileName, text)) {
            case CAPTIONS:
                return text.stripLeading().startsWith("WEBVTT") || fileName.toLowerCase(Locale.ROOT).endsWith(".vtt")
                        ? WEBVTT : SRT;
            case JSON:
                return JSON_CHAT;
            default:
                return TEXT;
        }
    }
}
