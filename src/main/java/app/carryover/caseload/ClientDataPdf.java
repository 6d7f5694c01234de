package app.carryover.caseload;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A client's data export as a readable PDF: who it is about and when it was made, then each kind of
 * record under its heading, one small table per row with its fields in words and its times in the
 * client's time zone with the year. Ids, which mean nothing to a reader, are left to the JSON copy.
 */
final class ClientDataPdf {

    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x5a, 0x5a, 0x5a);
    private static final Color SHADE = new Color(0xef, 0xef, 0xef);
    private static final BaseFont BASE = font();
    private static final Font TITLE = new Font(BASE, 17, Font.BOLD, INK);
    private static final Font HEADING = new Font(BASE, 12, Font.BOLD, INK);
    private static final Font BODY = new Font(BASE, 9.5f, Font.NORMAL, INK);
    private static final Font LABEL = new Font(BASE, 8.5f, Font.NORMAL, MUTED);
    private static final Font SMALL = new Font(BASE, 8.5f, Font.ITALIC, MUTED);

    private ClientDataPdf() {
    }

    static byte[] render(ClientDataExport.Export export) {
        ZoneId zone = export.client().timeZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle((export.full() ? "Full record of " : "Data of ") + export.client().displayName());
        document.addCreator("Carryover");
        document.open();
        document.add(new Paragraph(export.full() ? "Full client record" : "Your data in Carryover", TITLE));
        document.add(new Paragraph(export.client().displayName() + " · " + export.practiceName(), BODY));
        document.add(new Paragraph("Made on " + when.format(export.madeAt()) + " (" + zone.getId() + "). "
                + (export.full() ? "Everything Carryover holds about this client, clinicians' notes included, for a "
                        + "formal request."
                        : "Everything Carryover holds about you that you can see. A copy for computers (JSON) can be "
                                + "downloaded beside this one."), SMALL));
        section(document, "About you", List.of(export.profile()), when);
        if (export.sections().isEmpty()) {
            document.add(new Paragraph("Nothing else is recorded yet.", BODY));
        }
        for (ClientDataExport.Section s : export.sections()) {
            section(document, s.title() + " (" + s.rows().size() + ")", s.rows(), when);
        }
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String heading, List<Map<String, Object>> rows, DateTimeFormatter when) {
        Paragraph title = new Paragraph(heading, HEADING);
        title.setSpacingBefore(14);
        title.setSpacingAfter(4);
        document.add(title);
        for (Map<String, Object> row : rows) {
            PdfPTable table = new PdfPTable(new float[] {1.2f, 3.8f});
            table.setWidthPercentage(100);
            table.setSpacingAfter(6);
            for (Map.Entry<String, Object> field : row.entrySet()) {
                String column = field.getKey();
                if (field.getValue() == null || column.equals("id") || column.endsWith("_id")) {
                    continue;
                }
                table.addCell(cell(label(column), LABEL, true));
                table.addCell(cell(text(field.getValue(), when), BODY, false));
            }
            if (table.size() > 0) {
                document.add(table);
            }
        }
    }

    private static PdfPCell cell(String text, Font font, boolean shaded) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorderColor(SHADE);
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        if (shaded) {
            cell.setBackgroundColor(SHADE);
        }
        return cell;
    }

    static String label(String column) {
        String words = column.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(Object value, DateTimeFormatter when) {
        if (value instanceof Instant instant) {
            return when.format(instant);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(date);
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static BaseFont font() {
        try (InputStream in = Document.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
            if (in != null) {
                return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        in.readAllBytes(), null);
            }
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("cannot load the PDF font", e);
        }
    }
}
