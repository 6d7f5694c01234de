package app.carryover.transcripts;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import jakarta.servlet.http.HttpServletResponse;

/** The practice's transcript audit (a page and CSV) and the admin's retention setting. */
@Controller
class TranscriptAuditPages {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TranscriptAudits audits;
    private final TranscriptRetention retention;

    TranscriptAuditPages(TranscriptAudits audits, TranscriptRetention retention) {
        this.audits = audits;
        this.retention = retention;
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/transcripts/audit")
    String audit(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model, HttpServletResponse response) {
        model.addAttribute("categories", HomeworkCategory.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("report", audits.report(actor, TranscriptAudits.Dates.typed(from, to)));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("report", audits.report(actor, TranscriptAudits.Dates.ALL));
        }
        return "transcripts/audit";
    }

    @Access(AccessRule.STAFF)
    @GetMapping("/transcripts/audit.csv")
    ResponseEntity<String> csv(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return csvResponse(audits.csv(actor, TranscriptAudits.Dates.typed(from, to)));
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/transcript-retention")
    String retention(Actor actor, Model model) {
        RetentionRule rule = retention.rule(actor.practiceId());
        model.addAttribute("rule", rule);
        model.addAttribute("days", rule.days() == null ? 30 : rule.days());
        return "transcripts/retention";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/transcript-retention")
    String saveRetention(Actor actor, @RequestParam(required = false) RetentionRule.Mode mode,
            @RequestParam(required = false) Integer days, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        RetentionRule rule;
        try {
            rule = retention.change(actor, mode, days);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            model.addAttribute("rule", new RetentionRule(mode == null ? RetentionRule.Mode.AFTER_DECISIONS : mode, days));
            model.addAttribute("days", days);
            return "transcripts/retention";
        }
        redirect.addFlashAttribute("notice", "Saved: transcript text is " + rule.words() + ".");
        return "redirect:/admin/transcript-retention";
    }

    static ResponseEntity<String> csvResponse(String csv) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("transcript-audit.csv").build().toString())
                .body(csv);
    }
}
