package app.carryover.worksheets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

import app.carryover.worksheets.pdf.PdfLayout;

/**
 * Printable copies of a worksheet, for clients who prefer paper: blank, with room to write, or
 * filled with an entry's answers. A4, OpenPDF, text selectable and searchable; the clinician
 * guidance is never printed. Works for every valid definition.
 */
public final class WorksheetPdf {

    private WorksheetPdf() {
    }

    /** A blank copy: every item with space to write, rating scales with their anchors, a few rows per group. */
    public static byte[] blank(WorksheetDefinition definition, PrintOptions options) {
        return render(WorksheetView.blank(definition), options);
    }

    /** A filled copy of one entry: the items that were shown, with their answers. */
    public static byte[] filled(WorksheetDefinition definition, Answers answers, PrintOptions options) {
        return render(WorksheetView.filled(definition, answers), options);
    }

    /** Writes a copy of a view to a stream (for example straight into an HTTP response). */
    public static void write(WorksheetView view, PrintOptions options, OutputStream out) {
        new PdfLayout(view, options == null ? PrintOptions.none() : options).write(out);
    }

    private static byte[] render(WorksheetView view, PrintOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(view, options, out);
        return out.toByteArray();
    }
}
