/**
 * Measures: the instruments (PHQ-9, GAD-7, PHQ-8 with their exact text, scoring, bands and LOINC
 * codes; Carryover's own homework ratings; single ratings a practice adds), schedules per client and
 * the measures due now, answers and their scores, change read by published criteria, and risk
 * alerts with their acknowledgement and escalation. It owns the measure names goals refer to.
 *
 * <p>Its public surface for other modules: {@link app.carryover.measures.Measure},
 * {@link app.carryover.measures.Instruments} and {@link app.carryover.measures.Instrument},
 * {@link app.carryover.measures.Measures} with {@link app.carryover.measures.MeasureAdministration},
 * {@link app.carryover.measures.MeasureSchedules} with {@link app.carryover.measures.DueMeasure},
 * {@link app.carryover.measures.Change}, and the event {@link app.carryover.measures.MeasureAdministered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measures",
        allowedDependencies = {"system", "audit", "practice", "caseload", "sessions", "worksheets"})
package app.carryover.measures;
