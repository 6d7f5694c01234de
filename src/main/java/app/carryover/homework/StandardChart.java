package app.carryover.homework;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One clinician's homework standard over the months as a server-drawn SVG line chart: the share of held
 * sessions that set homework, of assignments linked to a goal and of due homework reviewed at the next
 * session, with the published reference rates as dashed lines. No script and no style attribute (the
 * strict CSP allows neither): the look comes from classes in carryover.css, and each series differs by
 * line pattern and marker shape too, not by colour alone. The chart names itself in {@code <title>},
 * says every figure in {@code <desc>}, and the table beside it stays for anyone who cannot see it.
 */
final class StandardChart {

    /** One line: what it counts, how it is drawn, and where its figure comes from. */
    private record Series(String name, String css, String marker, Function<HomeworkStandard.Month, HomeworkStandard.Share> share) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("Held sessions that set homework", "set", "circle", HomeworkStandard.Month::setHomework),
            new Series("Assignments linked to a goal", "linked", "square", HomeworkStandard.Month::linkedToGoal),
            new Series("Due homework reviewed at the next session", "reviewed", "diamond", HomeworkStandard.Month::reviewed));

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private static final int WIDTH = 720;
    private static final int HEIGHT = 280;
    private static final int LEFT = 44;
    private static final int RIGHT = 250;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final double SHIFT = 7;

    private StandardChart() {
    }

    static String svg(String id, HomeworkStandard.Row row, YearMonth from, YearMonth to) {
        List<HomeworkStandard.Month> months = row.months();
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" class=\"chart standard-chart\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title(row))).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description(row, from, to))).append("</desc>")
                .append("<rect class=\"chart-back\" width=\"100%\" height=\"100%\"/>");
        axes(svg);
        reference(svg, HomeworkStandard.SESSIONS_SETTING_HOMEWORK, "set", "published: sessions setting homework");
        reference(svg, HomeworkStandard.HOMEWORK_REVIEWED, "reviewed", "published: homework reviewed");
        double slot = (double) PLOT_W / Math.max(1, months.size());
        int every = (int) Math.ceil(months.size() / 8.0);
        for (int i = 0; i < months.size(); i++) {
            if (i % every == 0) {
                svg.append("<text class=\"chart-text\" x=\"").append(f(x(i, slot))).append("\" y=\"").append(TOP + PLOT_H + 18)
                        .append("\" text-anchor=\"middle\">").append(esc(SHORT.format(months.get(i).month()))).append("</text>");
            }
        }
        int legend = 0;
        for (int k = 0; k < SERIES.size(); k++) {
            Series s = SERIES.get(k);
            // Each series sits a few points left or right of the month's middle, so equal figures stay visible side by side.
            double shift = (k - 1) * SHIFT;
            line(svg, s, months, slot, shift);
            for (int i = 0; i < months.size(); i++) {
                HomeworkStandard.Share share = s.share().apply(months.get(i));
                if (share.value() != null) {
                    marker(svg, s, x(i, slot) + shift, y(share.value()), LONG.format(months.get(i).month()) + ": "
                            + s.name().toLowerCase(Locale.ENGLISH) + " " + share.words());
                }
            }
            int ly = TOP + 10 + 20 * legend++;
            svg.append("<line class=\"trend trend-").append(s.css()).append("\" x1=\"").append(LEFT + PLOT_W + 12).append("\" y1=\"")
                    .append(ly).append("\" x2=\"").append(LEFT + PLOT_W + 36).append("\" y2=\"").append(ly).append("\"/>");
            marker(svg, s, LEFT + PLOT_W + 24, ly, null);
            svg.append("<text class=\"chart-text\" x=\"").append(LEFT + PLOT_W + 42).append("\" y=\"").append(ly + 4).append("\">")
                    .append(esc(legendName(s))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String title(HomeworkStandard.Row row) {
        return row.clinician() + ": the homework standard by month";
    }

    /** Every figure of the chart in words, for a screen reader (the table below says them again). */
    static String description(HomeworkStandard.Row row, YearMonth from, YearMonth to) {
        StringBuilder d = new StringBuilder("Percent, month by month from ").append(LONG.format(from)).append(" to ")
                .append(LONG.format(to)).append(", with dashed lines at the published rates (")
                .append(percent(HomeworkStandard.SESSIONS_SETTING_HOMEWORK)).append(" of sessions set homework, ")
                .append(percent(HomeworkStandard.HOMEWORK_REVIEWED)).append(" of homework reviewed). ");
        for (Series s : SERIES) {
            List<String> figures = new ArrayList<>();
            for (HomeworkStandard.Month m : row.months()) {
                HomeworkStandard.Share share = s.share().apply(m);
                if (share.value() != null) {
                    figures.add(LONG.format(m.month()) + " " + share.words());
                }
            }
            d.append(s.name()).append(": ").append(figures.isEmpty() ? "nothing to count" : String.join(", ", figures))
                    .append(". ");
        }
        return d.append("Months with nothing to count are left out of the lines.").toString();
    }

    private static String legendName(Series s) {
        return switch (s.css()) {
            case "set" -> "Sessions that set homework";
            case "linked" -> "Linked to a goal";
            default -> "Reviewed at the next session";
        };
    }

    private static void axes(StringBuilder svg) {
        svg.append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + PLOT_H).append("\"/>");
        svg.append("<line class=\"chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_H).append("\" x2=\"")
                .append(LEFT + PLOT_W).append("\" y2=\"").append(TOP + PLOT_H).append("\"/>");
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            svg.append("<text class=\"chart-text\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y(v) + 4))
                    .append("\" text-anchor=\"end\">").append(percent(v)).append("</text>");
            if (k > 0) {
                svg.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" y1=\"").append(f(y(v))).append("\" x2=\"")
                        .append(LEFT + PLOT_W).append("\" y2=\"").append(f(y(v))).append("\"/>");
            }
        }
    }

    private static void reference(StringBuilder svg, double rate, String css, String label) {
        svg.append("<line class=\"reference reference-").append(css).append("\" x1=\"").append(LEFT).append("\" y1=\"").append(f(y(rate)))
                .append("\" x2=\"").append(LEFT + PLOT_W).append("\" y2=\"").append(f(y(rate))).append("\"><title>")
                .append(esc(percent(rate) + " " + label)).append("</title></line>");
        svg.append("<text class=\"chart-text reference-label\" x=\"").append(LEFT + PLOT_W - 4).append("\" y=\"")
                .append(f(y(rate) - 4)).append("\" text-anchor=\"end\">").append(esc(percent(rate) + " " + label)).append("</text>");
    }

    /** The series as polylines, broken where a month has nothing to count. */
    private static void line(StringBuilder svg, Series s, List<HomeworkStandard.Month> months, double slot, double shift) {
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= months.size(); i++) {
            Double v = i < months.size() ? s.share().apply(months.get(i)).value() : null;
            if (v != null) {
                run.add(f(x(i, slot) + shift) + "," + f(y(v)));
            } else {
                if (run.size() > 1) {
                    svg.append("<polyline class=\"trend trend-").append(s.css()).append("\" points=\"")
                            .append(String.join(" ", run)).append("\"/>");
                }
                run.clear();
            }
        }
    }

    private static void marker(StringBuilder svg, Series s, double cx, double cy, String label) {
        String css = "mark mark-" + s.css();
        switch (s.marker()) {
            case "circle" -> svg.append("<circle class=\"").append(css).append("\" cx=\"").append(f(cx)).append("\" cy=\"")
                    .append(f(cy)).append("\" r=\"4.5\">");
            case "square" -> svg.append("<rect class=\"").append(css).append("\" x=\"").append(f(cx - 4)).append("\" y=\"")
                    .append(f(cy - 4)).append("\" width=\"8\" height=\"8\">");
            default -> svg.append("<path class=\"").append(css).append("\" d=\"M").append(f(cx)).append(' ').append(f(cy - 6))
                    .append(" l6 6 l-6 6 l-6 -6 z\">");
        }
        if (label != null) {
            svg.append("<title>").append(esc(label)).append("</title>");
        }
        svg.append(switch (s.marker()) {
            case "circle" -> "</circle>";
            case "square" -> "</rect>";
            default -> "</path>";
        });
    }

    private static double x(int i, double slot) {
        return LEFT + slot * i + slot / 2;
    }

    private static double y(double share) {
        return TOP + PLOT_H - share * PLOT_H;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
