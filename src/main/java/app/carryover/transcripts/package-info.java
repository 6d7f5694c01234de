/**
 * The transcript homework audit: imports session transcripts (speaker-labelled text, WebVTT and
 * SRT captions, JSONL chat messages, utterance files), detects in every therapist turn whether
 * homework is assigned or earlier homework reviewed — with the category, whether the task is
 * specific, and the words that decided it — and computes a practice's audit figures.
 * A plain library with a command ({@link app.carryover.transcripts.TranscriptsCommand}); it needs
 * neither the server nor the database.
 *
 * <p>Public API: {@link app.carryover.transcripts.TranscriptReader} to import,
 * {@link app.carryover.transcripts.HomeworkDetector} to detect,
 * {@link app.carryover.transcripts.PracticeAudit} to audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transcripts", allowedDependencies = {"language"})
package app.carryover.transcripts;
