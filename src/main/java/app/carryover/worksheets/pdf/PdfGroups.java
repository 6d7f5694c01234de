package app.carryover.worksheets.pdf;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import app.carryover.worksheets.ChoiceOption;
import app.carryover.worksheets.ConditionText;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.WorksheetView;

/**
 * Repeating groups on paper: a table with a column per child when the children are short
 * answers (an activity schedule), otherwise one block per entry (automatic thoughts).
 * Blank copies get a few empty rows.
 */
final class PdfGroups {

    private static final Set<ItemType> TABLE_FRIENDLY = EnumSet.of(ItemType.SHORT_TEXT, ItemType.NUMBER,
            ItemType.RATING, ItemType.DATE, ItemType.TIME, ItemType.DURATION, ItemType.YES_NO, ItemType.SINGLE_CHOICE);
    private static final int TABLE_COLUMNS = 6;

    private PdfGroups() {
    }

    static PdfPTable render(WorksheetView.Field group, boolean filled, PdfFonts fonts, PdfParts parts,
            PdfLayout layout) {
        Item item = group.item();
        boolean asTable = item.items().size() <= TABLE_COLUMNS && item.items().stream().allMatch(
                c -> TABLE_FRIENDLY.contains(c.type())
                        && (c.type() != ItemType.SINGLE_CHOICE || c.options().size() <= 3));
        int blankRows = Math.min(item.effectiveMaxItems(),
                Math.max(item.effectiveMinItems(), asTable ? 6 : 2));
        if (asTable) {
            return table(item, filled ? group.rows() : null, blankRows, fonts);
        }
        PdfPTable blocks = PdfParts.table(1);
        if (filled && group.rows().isEmpty()) {
            blocks.addCell(PdfParts.wrap(parts.answer(null)));
        }
        int count = filled ? group.rows().size() : blankRows;
        for (int r = 0; r < count; r++) {
            PdfPCell heading = PdfParts.plain(new Phrase("Entry " + (r + 1), fonts.smallBold));
            heading.setPaddingTop(6);
            blocks.addCell(heading);
            List<WorksheetView.Field> cells = filled ? group.rows().get(r).fields() : null;
            for (int c = 0; c < item.items().size(); c++) {
                Item child = item.items().get(c);
                if (filled && !cells.get(c).shown()) {
                    continue;
                }
                PdfPTable one = PdfParts.table(1);
                Phrase label = new Phrase();
                label.add(new Chunk(child.label(), fonts.body));
                one.addCell(PdfParts.plain(label));
                if (!filled && !child.showIf().isEmpty()) {
                    one.addCell(PdfParts.plain(new Phrase(ConditionText.of(child, layout.definition()),
                            fonts.note)));
                }
                one.addCell(PdfParts.wrap(layout.content(child, filled ? cells.get(c).answer() : null)));
                PdfPCell indented = PdfParts.wrap(one);
                indented.setPaddingLeft(12);
                blocks.addCell(indented);
            }
        }
        return blocks;
    }

    private static PdfPTable table(Item group, List<WorksheetView.Row> rows, int blankRows, PdfFonts fonts) {
        float[] widths = new float[group.items().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = group.items().get(c).type() == ItemType.SHORT_TEXT ? 3 : 1.3f;
        }
        PdfPTable table = PdfParts.table(widths);
        table.setHeaderRows(1);
        for (Item child : group.items()) {
            PdfPCell head = new PdfPCell(new Phrase(child.label(), fonts.smallBold));
            head.setBackgroundColor(PdfFonts.SHADE);
            head.setBorderColor(PdfFonts.RULE);
            head.setPadding(4);
            table.addCell(head);
        }
        int count = rows == null ? blankRows : rows.size();
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < group.items().size(); c++) {
                Item child = group.items().get(c);
                Phrase phrase;
                if (rows == null) {
                    phrase = new Phrase(hint(child), fonts.small);
                } else {
                    WorksheetView.Field cell = rows.get(r).fields().get(c);
                    WorksheetView.Answer answer = cell.shown() ? cell.answer() : null;
                    phrase = answer == null ? new Phrase("-", fonts.small)
                            : new Phrase(child.type() == ItemType.RATING ? answer.number().toPlainString()
                                    : answer.text(), fonts.body);
                }
                PdfPCell cell = new PdfPCell(phrase);
                cell.setBorderColor(PdfFonts.RULE);
                cell.setMinimumHeight(24);
                cell.setPadding(4);
                cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                table.addCell(cell);
            }
        }
        if (rows != null && rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("(not answered)", fonts.note));
            none.setColspan(group.items().size());
            none.setBorderColor(PdfFonts.RULE);
            table.addCell(none);
        }
        return table;
    }

    /** What a blank cell expects, in grey: the scale, Yes / No, the options, or nothing. */
    private static String hint(Item child) {
        return switch (child.type()) {
            case RATING -> "0-" + child.effectiveMax().toPlainString();
            case YES_NO -> "Yes / No";
            case DURATION -> "min";
            case TIME -> "hh:mm";
            case SINGLE_CHOICE -> String.join(" / ", child.options().stream().map(ChoiceOption::label).toList());
            case NUMBER -> child.unit() == null ? "" : child.unit();
            default -> "";
        };
    }
}
