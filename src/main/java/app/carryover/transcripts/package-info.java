/**
 * The transcript homework audit: imports session transcripts (speaker-labelled text, WebVTT and
 * SRT captions, JSONL chat messages, utterance files), detects in every therapist turn whether
 * homework is assigned or earlier homework reviewed — with the category, whether the task is
 * specific, and the words that decided it — and computes a practice's audit figures.
 * The library and its command ({@link app.carryover.transcripts.TranscriptsCommand}) need neither
 * the server nor the database.
 *
 * <p>In the application: a clinician uploads a transcript to a client's session (with the client's
 * consent to transcript analysis); each detected assignment becomes a draft in the homework composer
 * that the clinician confirms or dismisses, never an assignment by itself; the earlier assignments
 * the session discussed are marked; the text is kept only as the practice's retention rule says; and
 * staff see the practice audit as a page and CSV.
 *
 * <p>Public API (this package): {@link app.carryover.transcripts.TranscriptReader} to import,
 * {@link app.carryover.transcripts.HomeworkDetector} to detect, {@link app.carryover.transcripts.TranscriptUploads}
 * for the session screen, and their values ({@code Transcript}, {@code SessionDetection}, ...). The
 * package-private classes beside them are the module's web pages, API and storage. Inside, internal by
 * Spring Modulith's rules: {@code reading} (the formats), {@code detection} (cues, features, weights, the
 * session pass), {@code evaluation} (labelled data and scoring), {@code audit} (a practice's figures) and
 * {@code command} (the command line). Training and cross-validation are not here: they live in
 * {@code src/tools} (compiled with the tests, never packaged), see docs/transcripts.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transcripts",
        allowedDependencies = {"system", "audit", "language", "coach", "practice", "caseload", "sessions", "homework"})
package app.carryover.transcripts;
