package app.carryover.worksheets.pdf;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.PrintOptions;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetView;

/** Lays out one worksheet view on A4 pages: header, instructions, items, and (filled) the values. */
public final class PdfLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final WorksheetView view;
    private final PrintOptions options;
    private final PdfFonts fonts = new PdfFonts();
    private final PdfParts parts = new PdfParts(fonts);

    public PdfLayout(WorksheetView view, PrintOptions options) {
        this.view = view;
        this.options = options;
    }

    public void write(OutputStream out) {
        WorksheetDefinition d = view.definition();
        Document document = new Document(PageSize.A4, 50, 50, 48, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(d.title(), fonts));
            document.addTitle(d.title());
            document.addCreator("Carryover");
            document.open();
            header(document, d);
            for (WorksheetView.Field field : view.fields()) {
                if (field.shown()) {
                    document.add(item(field));
                }
            }
            if (view.filled() && !view.values().isEmpty()) {
                document.add(values());
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the worksheet PDF", e);
        }
    }

    private void header(Document document, WorksheetDefinition d) throws DocumentException {
        document.add(new Paragraph(d.title(), fonts.title));
        PdfPTable who = PdfParts.table(1, 3, 1, 2);
        who.setSpacingBefore(8);
        who.addCell(PdfParts.plain(new Phrase("Name", fonts.small)));
        who.addCell(filledOrLine(options.clientName()));
        who.addCell(PdfParts.plain(new Phrase("Date", fonts.small)));
        who.addCell(filledOrLine(options.date() == null ? null : DATE.format(options.date())));
        document.add(who);
        Paragraph purpose = new Paragraph();
        purpose.setSpacingBefore(10);
        purpose.add(new Chunk("What this is for\n", fonts.heading));
        purpose.add(new Chunk(d.purpose(), fonts.body));
        document.add(purpose);
        Paragraph how = new Paragraph();
        how.setSpacingBefore(6);
        how.setSpacingAfter(6);
        how.add(new Chunk("How to fill it in\n", fonts.heading));
        how.add(new Chunk(d.clientInstructions(), fonts.body));
        document.add(how);
    }

    private PdfPCell filledOrLine(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? " " : text, fonts.body));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(PdfFonts.RULE);
        cell.setPaddingBottom(3);
        return cell;
    }

    /** One item as a table, kept on one page unless it needs more than a page. */
    private PdfPTable item(WorksheetView.Field field) {
        Item item = field.item();
        PdfPTable table = PdfParts.table(1);
        table.setSpacingBefore(9);
        table.setKeepTogether(true);
        table.addCell(PdfParts.plain(label(field)));
        if (item.help() != null && !item.help().isBlank()) {
            table.addCell(PdfParts.plain(new Phrase(item.help(), fonts.small)));
        }
        if (!view.filled() && field.condition() != null) {
            table.addCell(PdfParts.plain(new Phrase(field.condition(), fonts.note)));
        }
        if (item.type() == ItemType.GROUP) {
            table.addCell(PdfParts.wrap(PdfGroups.render(field, view.filled(), fonts, parts, this)));
        } else {
            table.addCell(PdfParts.wrap(content(item, field.answer())));
        }
        return table;
    }

    private Phrase label(WorksheetView.Field field) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(field.number() + ".  ", fonts.bold));
        phrase.add(new Chunk(field.item().label(), fonts.bold));
        return phrase;
    }

    WorksheetDefinition definition() {
        return view.definition();
    }

    /** The space to write in, or the answer, for one non-group item. */
    PdfPTable content(Item item, WorksheetView.Answer answer) {
        boolean blank = !view.filled();
        switch (item.type()) {
            case RATING:
                return parts.scale(item, answer == null ? null : answer.number());
            case SINGLE_CHOICE:
                return parts.options(item.options(), answer == null ? List.of() : answer.codes(), true);
            case MULTIPLE_CHOICE:
            case CHECKLIST:
                return parts.options(item.options(), answer == null ? List.of() : answer.codes(), false);
            case YES_NO:
                return parts.yesNo(answer);
            default:
                return blank ? blankSpace(item) : parts.answer(answer);
        }
    }

    private PdfPTable blankSpace(Item item) {
        return switch (item.type()) {
            case SHORT_TEXT -> parts.lines(1);
            case LONG_TEXT -> parts.lines(Math.max(2, Math.min(6, item.effectiveMaxLength() / 300)));
            case NUMBER -> parts.box(numberHint(item));
            case DATE -> parts.box("date (day, month, year)");
            case TIME -> parts.box("time (24-hour clock, such as 22:30)");
            case DURATION -> parts.box("minutes");
            default -> parts.lines(1);
        };
    }

    private static String numberHint(Item item) {
        String unit = item.unit() == null ? "" : item.unit();
        if (item.min() != null && item.max() != null) {
            return (unit + " (" + item.min().toPlainString() + " to " + item.max().toPlainString() + ")").trim();
        }
        return unit;
    }

    private PdfPTable values() {
        PdfPTable table = PdfParts.table(3, 1);
        table.setSpacingBefore(14);
        table.setKeepTogether(true);
        PdfPCell title = PdfParts.plain(new Phrase("Worked out from your answers", fonts.heading));
        title.setColspan(2);
        table.addCell(title);
        for (WorksheetView.Value value : view.values()) {
            table.addCell(PdfParts.plain(new Phrase(value.label(), fonts.body)));
            String unit = value.unit() == null || value.unit().isEmpty() || value.unit().equals("count")
                    || value.unit().startsWith("0-") || value.unit().equals("yes=1") ? "" : " " + value.unit();
            table.addCell(PdfParts.plain(new Phrase(value.value().toPlainString() + unit, fonts.bold)));
        }
        return table;
    }

    /** "Title · page n" at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;
        private final PdfFonts fonts;

        Footer(String title, PdfFonts fonts) {
            this.title = title;
            this.fonts = fonts;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(title + "  ·  page " + writer.getPageNumber(), fonts.small),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
