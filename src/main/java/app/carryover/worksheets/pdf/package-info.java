/**
 * How a worksheet is laid out on A4 paper (internal to {@code worksheets}): fonts, cells, groups and the page.
 * Other modules print through {@link app.carryover.worksheets.WorksheetPdf}.
 */
package app.carryover.worksheets.pdf;
