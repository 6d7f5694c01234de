/**
 * The clinician's screens that draw on several modules: the caseload ordered by need, the client
 * overview, the session screen (the homework review first, then notes, then the composer, then the
 * session's transcripts), the pre-session brief and the assignment page. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinician screens",
        allowedDependencies = {"system", "practice", "caseload", "goals", "sessions", "homework", "worksheets", "transcripts", "measures", "progress", "reminders"})
package app.carryover.clinician;
