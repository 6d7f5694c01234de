package app.carryover.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.PracticeLog;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * Benchmark (skipped unless {@code -Dcarryover.bench=true}; see bench/phone/run.sh): the weight and speed of
 * the client's Today on a phone-sized headless Chromium (390 × 844), read from the browser's own Navigation
 * and Resource Timing. A first load (no service worker, nothing kept) and a later load (the service worker
 * serving the page furniture from its cache) alternate, so both see the same noise; bytes are what crossed
 * the network (transferSize), times are from the start of navigation to DOMContentLoaded (every deferred
 * script has run: the page answers taps) and to load.
 */
@CarryoverTest
class ClientTodayBenchmark {

    private static final int RUNS = 15;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;

    @Test
    void todayOnAPhone() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: run bench/phone/run.sh");
        Fixtures.TestPractice practice = Fixtures.practice(context);
        var clinician = practice.clinician().actor();
        var client = practice.client().clientId();
        // a client with four practices, one a worksheet, and six days of logs
        for (String title : List.of("Evening walk", "Slow breathing", "Call a friend")) {
            Assignment a = assign(practice, title, null);
            for (int day = 1; day <= 6; day++) {
                log.recordFor(clinician, client, a.id(), Instant.now().minus(Duration.ofDays(day)), null, null, null);
            }
        }
        assign(practice, "Thought record", BuiltInWorksheets.THOUGHT_RECORD);

        double[][] first = new double[3][RUNS];
        double[][] later = new double[3][RUNS];
        try (Browser phone = Browser.phone("http://localhost:" + port)) {
            phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.press("Sign in");
            for (int run = 0; run < RUNS; run++) {
                forgetEverything(phone);
                record(first, run, measure(phone));
                untilControlled(phone);
                record(later, run, measure(phone));
            }
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Chromium headless 390×844, load average "
                + String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " at the end";
        append("client Today, first load (no service worker): KB transferred", machine, first[0], "%.1f", " KB",
                median(first[0]) <= 150 ? "within the 150 KB target" : "above the 150 KB target");
        append("client Today, first load: ms to DOMContentLoaded (interactive)", machine, first[1], "%.0f", " ms",
                median(first[1]) <= 1000 ? "within the 1 s target" : "above the 1 s target");
        append("client Today, first load: ms to load", machine, first[2], "%.0f", " ms", "");
        append("client Today, later load (service worker): KB transferred", machine, later[0], "%.1f", " KB", "");
        append("client Today, later load: ms to DOMContentLoaded (interactive)", machine, later[1], "%.0f", " ms",
                median(later[1]) <= 1000 ? "within the 1 s target" : "above the 1 s target");
        append("client Today, later load: ms to load", machine, later[2], "%.0f", " ms", "");
    }

    /** No service worker and no kept files: the next Today is a first load. */
    private static void forgetEverything(Browser phone) {
        ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistrations()
                    .then(rs => Promise.all(rs.map(r => r.unregister())))
                    .then(() => caches.keys()).then(keys => Promise.all(keys.map(k => caches.delete(k))))
                    .then(() => done(true));""");
        phone.driver().get("about:blank");
    }

    private static void untilControlled(Browser phone) {
        new WebDriverWait(phone.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!navigator.serviceWorker.controller")));
    }

    /** Loads Today and reads what the browser measured: KB over the network, ms to DOMContentLoaded, ms to load. */
    @SuppressWarnings("unchecked")
    private static double[] measure(Browser phone) {
        phone.go("/today");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("var n = performance.getEntriesByType('navigation')[0]; return !!n && n.loadEventEnd > 0")));
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) phone.driver()).executeScript("""
                var n = performance.getEntriesByType('navigation')[0];
                var bytes = n.transferSize;
                performance.getEntriesByType('resource').forEach(r => {
                  if (r.startTime <= n.loadEventEnd) { bytes += r.transferSize; }
                });
                return {bytes: bytes, interactive: n.domContentLoadedEventEnd - n.startTime, load: n.loadEventEnd - n.startTime};""");
        return new double[] {((Number) m.get("bytes")).doubleValue() / 1024, ((Number) m.get("interactive")).doubleValue(),
                ((Number) m.get("load")).doubleValue()};
    }

    private static void record(double[][] into, int run, double[] measured) {
        for (int i = 0; i < measured.length; i++) {
            into[i][run] = measured[i];
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void append(String what, String machine, double[] values, String format, String unit, String verdict)
            throws IOException {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        String figures = String.format(format + " / " + format + " / " + format, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1]) + unit;
        String row = String.format("| %s | %s, %d runs | %s | %s | %s |%n", LocalDate.now(ZoneOffset.UTC), what, values.length,
                machine, figures, verdict);
        System.out.print(row);
        Files.writeString(Path.of("docs", "benchmarks.md"), row, StandardOpenOption.APPEND);
    }

    private Assignment assign(Fixtures.TestPractice practice, String title, String worksheet) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(title,
                "Once a day, then log it here.", "To build the habit.", true, List.of(), null, worksheet, Dose.perDay(1),
                LocalDate.now(ZoneOffset.UTC).minusDays(6), null, 3, null));
    }
}
