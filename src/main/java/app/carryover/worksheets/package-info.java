/**
 * Worksheets: the declarative, versioned worksheet definition format, its validation, the
 * built-in library, answer validation (complete and draft), condition evaluation, value
 * extraction and printable PDFs — pure functions over records — and on top of them the stored
 * versions ({@link app.carryover.worksheets.WorksheetLibrary}), the clinician's library pages and
 * form builder, the JSON API, and the form fragment other modules' filling pages include
 * ({@link app.carryover.worksheets.WorksheetForms}).
 * <p>
 * Inside, by Spring Modulith's rules: {@code worksheets.definition} (reading, writing and checking the definition
 * format, value formulas), {@code worksheets.builder} (the form builder pages) and {@code worksheets.pdf} (the A4
 * layout behind {@link app.carryover.worksheets.WorksheetPdf}) are internal; the module's API is the public types of
 * this package.
 * <p>
 * It depends only on {@code system} and {@code audit}: it knows nothing of clients or
 * assignments. The format, storage and pages are described in {@code docs/worksheets.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Worksheets", allowedDependencies = {"system", "audit"})
package app.carryover.worksheets;
