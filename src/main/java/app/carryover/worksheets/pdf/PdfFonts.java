package app.carryover.worksheets.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * Fonts for printed worksheets. Liberation Sans, which OpenPDF ships in its jar, is embedded so
 * clients' answers print in any language it covers; if it were missing, Helvetica (Latin only)
 * stands in. Bold and italic are simulated from the regular face.
 */
final class PdfFonts {

    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x5a, 0x5a, 0x5a);
    static final Color RULE = new Color(0xb0, 0xb0, 0xb0);
    static final Color SHADE = new Color(0xef, 0xef, 0xef);
    static final Color MARK = new Color(0xd6, 0xd6, 0xd6);

    private static final BaseFont BASE = load();

    final Font title = new Font(BASE, 17, Font.BOLD, INK);
    final Font heading = new Font(BASE, 10.5f, Font.BOLD, INK);
    final Font body = new Font(BASE, 10, Font.NORMAL, INK);
    final Font bold = new Font(BASE, 10, Font.BOLD, INK);
    final Font small = new Font(BASE, 8.5f, Font.NORMAL, MUTED);
    final Font note = new Font(BASE, 8.5f, Font.ITALIC, MUTED);
    final Font smallBold = new Font(BASE, 8.5f, Font.BOLD, INK);
    final Font symbols = new Font(Font.ZAPFDINGBATS, 10, Font.NORMAL, INK);

    private static BaseFont load() {
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
