/**
 * Treatment goals: statement, why it matters to the client, a measurable target (a measure
 * threshold such as "GAD-7 below 10", or a free metric with baseline and target), target date,
 * status, and the history of changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Goals", allowedDependencies = {"system", "audit", "caseload", "measures"})
package app.carryover.goals;
