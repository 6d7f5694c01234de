/**
 * The clinician's form builder (internal to {@code worksheets}): the page handler
 * ({@link app.carryover.worksheets.builder.WorksheetBuilder}), the draft the form posts back
 * ({@link app.carryover.worksheets.builder.BuilderDraft}), the edits its buttons make, the page's view of a draft, and
 * the conversion of a draft to a definition document, which {@code WorksheetAuthoring} then checks and stores.
 */
package app.carryover.worksheets.builder;
