package app.carryover.progress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Charts drawn on the server as SVG: no script, no inline style (the strict CSP allows neither), only
 * presentation attributes, so the same text works inside a page and as a downloaded file. Each
 * chart names itself in {@code <title>} and says what it shows in {@code <desc>}; the page puts the
 * same figures in a table beside it for anyone who cannot see the picture.
 */
final class SvgChart {

    /** A dated value on a chart; {@code label} is what a pointer over it says. */
    record Point(LocalDate date, double value, String label) {
    }

    /** A shaded range of the value axis (a severity band). */
    record Band(double from, double to, String label, String fill) {
    }

    /** One week's bar (quantity, 0–100) and its quality mark (0–4 scaled to 0–100), either may be null. */
    record WeekBar(LocalDate monday, Double quantity, Double quality, String label) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** Severity colours from minimal to severe, light enough for the line to read over them. */
    static final List<String> BAND_FILLS = List.of("#e3f2e1", "#f1f5d8", "#fdf1d2", "#fde1c8", "#f9d0cc");

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 156;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;

    private SvgChart() {
    }

    /**
     * Scores over time: the bands shaded behind, a dashed line at each held session, the scores as
     * a line with a dot each.
     */
    static String scores(String id, String title, String description, double min, double max, List<Band> bands,
            List<Point> points, List<LocalDate> sessions) {
        StringBuilder svg = open(id, title, description);
        LocalDate first = points.isEmpty() ? LocalDate.now() : points.get(0).date();
        LocalDate last = points.isEmpty() ? first : points.get(points.size() - 1).date();
        if (!first.isBefore(last)) {
            first = first.minusDays(7);
            last = last.plusDays(7);
        }
        LocalDate from = first;
        long span = ChronoUnit.DAYS.between(first, last);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        DoubleUnaryOperator y = v -> TOP + plotH - (v - min) / (max - min) * plotH;
        Function<LocalDate, Double> x = d -> LEFT + (double) ChronoUnit.DAYS.between(from, d) / span * plotW;
        for (Band b : bands) {
            double top = y.applyAsDouble(Math.min(max, b.to() + 0.5));
            double bottom = y.applyAsDouble(Math.max(min, b.from() - 0.5));
            svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(f(top)).append("\" width=\"").append(plotW)
                    .append("\" height=\"").append(f(bottom - top)).append("\" fill=\"").append(b.fill()).append("\"/>");
            svg.append("<text x=\"").append(LEFT + plotW + 6).append("\" y=\"").append(f((top + bottom) / 2 + 4))
                    .append("\" font-size=\"11\" fill=\"#333\">").append(esc(b.label() + " " + (int) b.from() + "–"
                            + (int) b.to())).append("</text>");
        }
        axes(svg, min, max, plotW, plotH, y);
        for (LocalDate s : sessions) {
            if (s.isBefore(first) || s.isAfter(last)) {
                continue;
            }
            double sx = x.apply(s);
            svg.append("<line x1=\"").append(f(sx)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(sx))
                    .append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"3 3\">")
                    .append("<title>").append(esc("Session " + DAY.format(s))).append("</title></line>");
        }
        if (points.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\" points=\"");
            for (Point p : points) {
                svg.append(f(x.apply(p.date()))).append(',').append(f(y.applyAsDouble(p.value()))).append(' ');
            }
            svg.append("\"/>");
        }
        for (Point p : points) {
            svg.append("<circle cx=\"").append(f(x.apply(p.date()))).append("\" cy=\"").append(f(y.applyAsDouble(p.value())))
                    .append("\" r=\"4\" fill=\"#1d4f91\"><title>").append(esc(p.label())).append("</title></circle>");
        }
        dates(svg, first, last, plotW, plotH);
        return svg.append("</svg>").toString();
    }

    /** Practice per week: a bar for the share of the dose done, a diamond for the quality rating where there is one. */
    static String adherence(String id, String title, String description, List<WeekBar> weeks) {
        StringBuilder svg = open(id, title, description);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        DoubleUnaryOperator y = v -> TOP + plotH - v / 100 * plotH;
        axes(svg, 0, 100, plotW, plotH, y);
        int n = Math.max(1, weeks.size());
        double slot = (double) plotW / n;
        double bar = Math.max(2, slot * 0.6);
        for (int i = 0; i < weeks.size(); i++) {
            WeekBar w = weeks.get(i);
            double cx = LEFT + slot * i + slot / 2;
            if (w.quantity() != null) {
                double top = y.applyAsDouble(Math.min(100, w.quantity()));
                svg.append("<rect x=\"").append(f(cx - bar / 2)).append("\" y=\"").append(f(top)).append("\" width=\"")
                        .append(f(bar)).append("\" height=\"").append(f(TOP + plotH - top)).append("\" fill=\"#4f8a3c\"><title>")
                        .append(esc(w.label())).append("</title></rect>");
            }
            if (w.quality() != null) {
                double qy = y.applyAsDouble(w.quality());
                svg.append("<path d=\"M").append(f(cx)).append(' ').append(f(qy - 6)).append(" l6 6 l-6 6 l-6 -6 z\" ")
                        .append("fill=\"#b35900\" stroke=\"#fff\" stroke-width=\"1\"><title>").append(esc(w.label()))
                        .append("</title></path>");
            }
        }
        svg.append("<rect x=\"").append(LEFT + plotW + 8).append("\" y=\"").append(TOP + 4)
                .append("\" width=\"10\" height=\"10\" fill=\"#4f8a3c\"/>");
        svg.append("<text x=\"").append(LEFT + plotW + 22).append("\" y=\"").append(TOP + 13)
                .append("\" font-size=\"11\" fill=\"#333\">done (% of dose)</text>");
        if (weeks.stream().anyMatch(w -> w.quality() != null)) {
            svg.append("<path d=\"M").append(LEFT + plotW + 13).append(' ').append(TOP + 22)
                    .append(" l5 5 l-5 5 l-5 -5 z\" fill=\"#b35900\"/>");
            svg.append("<text x=\"").append(LEFT + plotW + 22).append("\" y=\"").append(TOP + 31)
                    .append("\" font-size=\"11\" fill=\"#333\">quality (0–4)</text>");
        }
        if (!weeks.isEmpty()) {
            dates(svg, weeks.get(0).monday(), weeks.get(weeks.size() - 1).monday(), plotW, plotH);
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" class=\"chart\" ")
                .append("font-family=\"sans-serif\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        return svg;
    }

    private static void axes(StringBuilder svg, double min, double max, int plotW, int plotH,
            DoubleUnaryOperator y) {
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(TOP + plotH).append("\" stroke=\"#333\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"").append(LEFT + plotW)
                .append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#333\"/>");
        for (int k = 0; k <= 4; k++) {
            double v = min + (max - min) * k / 4;
            double ty = y.applyAsDouble(v);
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(ty + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">").append(Math.round(v)).append("</text>");
        }
    }

    private static void dates(StringBuilder svg, LocalDate first, LocalDate last, int plotW, int plotH) {
        int baseline = TOP + plotH + 18;
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(baseline).append("\" font-size=\"11\" fill=\"#333\">")
                .append(esc(DAY.format(first))).append("</text>");
        svg.append("<text x=\"").append(LEFT + plotW).append("\" y=\"").append(baseline)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">").append(esc(DAY.format(last))).append("</text>");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
