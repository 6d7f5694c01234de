/**
 * Therapy sessions as appointments: scheduled in the client's time zone, then held, cancelled or
 * a no-show; the clinician's short notes. The next scheduled session is the default due moment
 * for homework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sessions", allowedDependencies = {"system", "audit", "caseload"})
package app.carryover.sessions;
