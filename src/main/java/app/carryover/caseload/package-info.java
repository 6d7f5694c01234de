/**
 * Client records, their care teams and the roles on them, and the one check every module uses
 * to decide whether a person may read or change a client's record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Caseload", allowedDependencies = {"system", "audit", "practice"})
package app.carryover.caseload;
