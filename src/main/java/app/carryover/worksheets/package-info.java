/**
 * Worksheets: the declarative, versioned worksheet definition format, its validation, the
 * built-in library, answer validation (complete and draft), condition evaluation, value
 * extraction and printable PDFs.
 * <p>
 * A plain library of pure functions over records: it needs neither Spring nor the database.
 * Storage of definition versions, the form builder and the filling pages are built on top of
 * this API elsewhere; the format and its rules are described in {@code docs/worksheets.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Worksheets", allowedDependencies = {})
package app.carryover.worksheets;
