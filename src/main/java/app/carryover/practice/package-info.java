/**
 * Practices (the tenants), their accounts and roles, invitations, sign-in with passwords, second
 * factors and one-time links, and the security configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice", allowedDependencies = {"system", "audit"})
package app.carryover.practice;
