package app.carryover.practice;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered in pickers: every region id Java knows, sorted. */
public final class TimeZones {

    public static final List<String> COMMON = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted().toList();

    private TimeZones() {
    }
}
