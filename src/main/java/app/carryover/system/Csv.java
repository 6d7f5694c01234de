package app.carryover.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as spreadsheets read it, written by Apache Commons CSV (RFC 4180: fields quoted when they hold a
 * comma, quote or line break, quotes doubled, CRLF between records). A text cell that a spreadsheet would
 * take for a formula or split (starting with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises, so a name typed into Carryover never runs in Excel or LibreOffice (issue 15
 * item 9: cells starting with a tab or carriage return were let through). Numbers are written as they are.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    private Csv(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** A writer onto {@code out} that has written the header row. */
    public static Csv withHeader(Appendable out, String... header) throws IOException {
        Csv csv = new Csv(out);
        csv.printer.printRecord((Object[]) header);
        return csv;
    }

    /** One row: text cells made safe, numbers as they are, null as an empty cell. */
    public void row(Object... cells) throws IOException {
        List<Object> safe = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            safe.add(cell == null ? "" : cell instanceof Number ? cell : text(cell.toString()));
        }
        printer.printRecord(safe);
        printer.flush();
    }

    /** The text as a cell no spreadsheet takes for a formula. */
    public static String text(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
