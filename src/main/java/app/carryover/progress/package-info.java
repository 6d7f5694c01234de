/**
 * Progress: a client's scores and practice as pictures (server-drawn SVG, each with a table beside
 * it), change read by the published criteria, weekly practice set beside the following week's
 * change, and adherence against outcome over a caseload or a practice (Spearman with a bootstrap
 * interval, beside the published reference) with its CSV export.
 *
 * <p>Its public surface: {@link app.carryover.progress.ClientProgress} (one client's view, for the
 * clinician's and client's screens) and {@link app.carryover.progress.OutcomeAssociation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress",
        allowedDependencies = {"system", "audit", "practice", "caseload", "sessions", "homework", "measures", "goals",
                "worksheets"})
package app.carryover.progress;
