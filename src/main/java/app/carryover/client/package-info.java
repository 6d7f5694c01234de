/**
 * The client's screens that combine modules: Today, history, progress and settings.
 * Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client screens", allowedDependencies = {"system", "practice", "caseload", "sessions", "goals", "homework", "worksheets", "measures"})
package app.carryover.client;
