/**
 * Cross-cutting plumbing every module may use: the bundled database, the clock, ids, the access
 * declaration every handler carries, the signed-in actor, problem details and mail. It depends on
 * no other module. (Added beside the modules of DESIGN.md; see docs/architecture.md.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = {})
package app.carryover.system;
