package app.carryover.homework;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;

/** The homework standard report: the page and its CSV (the JSON is in {@link HomeworkStandardApi}). Who sees whose figures is decided in the service. */
@Controller
class HomeworkStandardPages {

    private final HomeworkStandard standard;

    HomeworkStandardPages(HomeworkStandard standard) {
        this.standard = standard;
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/homework-standard")
    String page(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        HomeworkStandard.Report report = standard.report(actor, month("from", from), month("to", to), false);
        model.addAttribute("report", report);
        java.util.List<String> charts = new java.util.ArrayList<>();
        for (int i = 0; i < report.rows().size(); i++) {
            charts.add(StandardChart.svg("standard-chart-" + i, report.rows().get(i), report.from(), report.to()));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("sessionsReference", HomeworkStandard.SESSIONS_SETTING_HOMEWORK);
        model.addAttribute("reviewReference", HomeworkStandard.HOMEWORK_REVIEWED);
        return "homework/standard";
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/homework-standard.csv")
    ResponseEntity<byte[]> csv(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        HomeworkStandard.Report report = standard.report(actor, month("from", from), month("to", to), true);
        StringBuilder csv = new StringBuilder("clinician,month,sessions_held,sessions_setting_homework,assignments_set,"
                + "linked_to_goal,judged_by_coach,passed_coach,due_at_a_held_session,reviewed_there,"
                + "median_quantity,median_quality_0_4,questions_asked,questions_unanswered\r\n");
        for (HomeworkStandard.Row row : report.rows()) {
            for (HomeworkStandard.Month m : row.months()) {
                csv.append(quoted(row.clinician())).append(',').append(m.month()).append(',')
                        .append(m.setHomework().whole()).append(',').append(m.setHomework().part()).append(',')
                        .append(m.linkedToGoal().whole()).append(',').append(m.linkedToGoal().part()).append(',')
                        .append(m.passedCoach().whole()).append(',').append(m.passedCoach().part()).append(',')
                        .append(m.reviewed().whole()).append(',').append(m.reviewed().part()).append(',')
                        .append(number(m.medianQuantity())).append(',').append(number(m.medianQuality())).append(',')
                        .append(m.questionsAsked()).append(',').append(m.questionsUnanswered()).append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("homework-standard-" + report.from() + "-to-" + report.to() + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a month written as YYYY-MM, such as 2026-11");
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break, and never read as a formula. */
    private static String quoted(String s) {
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches(".*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }
}
