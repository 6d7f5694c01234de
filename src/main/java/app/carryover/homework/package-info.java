/**
 * The homework loop: assignments with a structured dose, exposure hierarchies, practice entries,
 * adherence, the client's reflections, the session-start review and its decisions, and the
 * pre-session brief.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Homework",
        allowedDependencies = {"system", "audit", "practice", "caseload", "goals", "sessions", "worksheets", "coach"})
package app.carryover.homework;
