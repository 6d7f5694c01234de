/**
 * Demo mode ({@code --carryover.demo=true}): seeds a demo practice through the other modules'
 * APIs and prints how to sign in. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"system", "practice", "caseload", "goals", "sessions", "homework", "worksheets", "measures"})
package app.carryover.demo;
