package app.carryover.worksheets.pdf;

import java.math.BigDecimal;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import app.carryover.worksheets.Anchors;
import app.carryover.worksheets.ChoiceOption;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.WorksheetView;

/** The building blocks of a printed worksheet: lines to write on, scales, option lists, boxes. */
final class PdfParts {

    // ZapfDingbats glyphs: empty and filled box, empty and filled circle.
    private static final String BOX = "q";
    private static final String BOX_TICKED = "n";
    private static final String CIRCLE = "m";
    private static final String CIRCLE_FILLED = "l";

    private final PdfFonts fonts;

    PdfParts(PdfFonts fonts) {
        this.fonts = fonts;
    }

    static PdfPCell plain(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(2);
        return cell;
    }

    static PdfPCell wrap(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    /** Ruled lines to write on. */
    PdfPTable lines(int count) {
        PdfPTable table = table(1);
        for (int i = 0; i < count; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(" ", fonts.body));
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(PdfFonts.RULE);
            cell.setFixedHeight(21);
            table.addCell(cell);
        }
        return table;
    }

    /** A short box to write in, followed by a hint such as a unit or a format. */
    PdfPTable box(String hint) {
        PdfPTable table = table(1.2f, 4);
        PdfPCell box = new PdfPCell(new Phrase(" ", fonts.body));
        box.setBorderColor(PdfFonts.RULE);
        box.setFixedHeight(20);
        table.addCell(box);
        PdfPCell after = plain(new Phrase(hint == null ? "" : hint, fonts.small));
        after.setVerticalAlignment(Element.ALIGN_MIDDLE);
        after.setPaddingLeft(6);
        table.addCell(after);
        return table;
    }

    /** The answer as given, in a shaded box. */
    PdfPTable answer(WorksheetView.Answer answer) {
        PdfPTable table = table(1);
        PdfPCell cell = new PdfPCell(answer == null ? new Phrase("(not answered)", fonts.note)
                : new Phrase(answer.text(), fonts.body));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setBackgroundColor(PdfFonts.SHADE);
        cell.setPadding(5);
        table.addCell(cell);
        return table;
    }

    /** A 0–10 or 0–100 scale as numbered boxes, anchors beneath; the chosen number shaded. */
    PdfPTable scale(Item item, BigDecimal chosen) {
        int max = item.effectiveMax().intValue();
        int tick = max / 10;
        PdfPTable table = table(1);
        PdfPTable boxes = table(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        for (int n = 0; n <= max; n += tick) {
            boolean marked = chosen != null && chosen.compareTo(BigDecimal.valueOf(n)) == 0;
            PdfPCell cell = new PdfPCell(new Phrase(String.valueOf(n), marked ? fonts.bold : fonts.body));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setBorderColor(PdfFonts.RULE);
            cell.setPadding(4);
            if (marked) {
                cell.setBackgroundColor(PdfFonts.MARK);
            }
            boxes.addCell(cell);
        }
        table.addCell(wrap(boxes));
        Anchors anchors = item.anchors();
        PdfPTable words = table(1, 1, 1);
        words.addCell(aligned("0 = " + anchors.min(), Element.ALIGN_LEFT));
        words.addCell(aligned(anchors.mid() == null ? "" : max / 2 + " = " + anchors.mid(), Element.ALIGN_CENTER));
        words.addCell(aligned(max + " = " + anchors.max(), Element.ALIGN_RIGHT));
        table.addCell(wrap(words));
        if (chosen != null) {
            table.addCell(plain(new Phrase("Answer: " + chosen.toPlainString() + " out of " + max, fonts.bold)));
        } else if (max == 100 || item.effectiveStep().intValue() != 1) {
            table.addCell(wrap(box("your number, from 0 to " + max
                    + (item.effectiveStep().intValue() == 1 ? "" : " in steps of " + item.effectiveStep()))));
        }
        return table;
    }

    private PdfPCell aligned(String text, int alignment) {
        PdfPCell cell = plain(new Phrase(text, fonts.small));
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    /** Options with a box (or circle, for one choice) each; chosen ones filled in. */
    PdfPTable options(List<ChoiceOption> options, List<String> chosen, boolean single) {
        PdfPTable table = table(1);
        for (ChoiceOption option : options) {
            boolean on = chosen.contains(option.code());
            String glyph = single ? (on ? CIRCLE_FILLED : CIRCLE) : (on ? BOX_TICKED : BOX);
            Phrase phrase = new Phrase();
            phrase.add(new Chunk(glyph, fonts.symbols));
            phrase.add(new Chunk("  " + option.label(), on ? fonts.bold : fonts.body));
            table.addCell(plain(phrase));
        }
        return table;
    }

    /** Yes and No as two circles side by side. */
    PdfPTable yesNo(WorksheetView.Answer answer) {
        BigDecimal value = answer == null ? null : answer.number();
        PdfPTable table = table(1, 1, 4);
        table.addCell(plain(mark("Yes", value != null && value.signum() == 1)));
        table.addCell(plain(mark("No", value != null && value.signum() == 0)));
        table.addCell(plain(new Phrase("")));
        return table;
    }

    private Phrase mark(String label, boolean on) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(on ? CIRCLE_FILLED : CIRCLE, fonts.symbols));
        phrase.add(new Chunk("  " + label, on ? fonts.bold : fonts.body));
        return phrase;
    }
}
