/**
 * The tamper-evident record of who read or changed what, when and from where. Every module
 * calls it; it calls none. Reads are recorded synchronously, before the data is returned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"system"})
package app.carryover.audit;
