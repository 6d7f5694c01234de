/**
 * The assignment quality coach: reads a homework assignment as a therapist types it and says whether it
 * is linked to the goal, specific, measurable, explained, structured, a red flag and, given the previous
 * step, how challenging it is, with a plain-words suggestion for each failing label. A plain library (no
 * beans, no database); {@link app.carryover.coach.AssignmentCoach} is its entry point and
 * {@link app.carryover.coach.CoachCommand} its batch command.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coach", allowedDependencies = "language")
package app.carryover.coach;
