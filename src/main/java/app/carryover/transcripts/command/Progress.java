package app.carryover.transcripts.command;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr for large inputs: redrawn in place at most five times a second, and
 * cleared at the end so the messages after it start on a clean line.
 */
public final class Progress {

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final boolean shown;
    private final long started = System.nanoTime();
    private long done;
    private long lastDrawn;

    Progress(PrintStream out, String unit, long total, boolean enabled) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.shown = enabled;
    }

    synchronized void advance(long amount) {
        done += amount;
        long now = System.nanoTime();
        if (shown && now - lastDrawn > 200_000_000L) {
            lastDrawn = now;
            draw(now);
        }
    }

    private void draw(long now) {
        int width = 30;
        double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * width);
        double seconds = (now - started) / 1e9;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%% %,d/%,d %s  %,.0f/s ", "#".repeat(filled),
                ".".repeat(width - filled), fraction * 100, done, total, unit, seconds > 0 ? done / seconds : 0));
        out.flush();
    }

    synchronized void finish() {
        if (shown) {
            draw(System.nanoTime());
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }
}
