package app.carryover.transcripts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/**
 * Keeps transcript text only as long as the practice's rule says: by default until every detected
 * assignment is confirmed or dismissed (applied at once after each decision), or a number of days
 * after upload (applied by a periodic pass that every node may run: each deletion happens, and is
 * audited, once). The detections and the audit stay.
 */
@Service
class TranscriptRetention {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRetention.class);
    /** Who deleted a text in the audit, when no person's action led to it. */
    static final String RULE_LABEL = "transcript retention rule (automatic)";

    private final TranscriptRepository transcripts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TranscriptRetention(TranscriptRepository transcripts, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.transcripts = transcripts;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    RetentionRule rule(UUID practiceId) {
        return transcripts.rule(practiceId);
    }

    /** Sets the practice's rule; admins only. A shorter rule takes effect at the next periodic pass. */
    @Transactional
    RetentionRule change(Actor admin, RetentionRule.Mode mode, Integer days) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins change how long transcripts are kept.");
        }
        if (mode == null) {
            throw ProblemException.invalid("mode", "choose AFTER_DECISIONS or DAYS");
        }
        if (mode == RetentionRule.Mode.DAYS && (days == null || days < 1 || days > 3650)) {
            throw ProblemException.invalid("days", "must be between 1 and 3,650");
        }
        RetentionRule rule = new RetentionRule(mode, mode == RetentionRule.Mode.DAYS ? days : null);
        RetentionRule before = transcripts.rule(admin.practiceId());
        transcripts.setRule(admin.practiceId(), rule, admin.accountId(), clock.instant());
        if (!before.equals(rule)) {
            audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "transcript retention", admin.practiceId(),
                    "transcript text now " + rule.words()));
        }
        return rule;
    }

    /**
     * After an upload or a decision on one of its detections: under the default rule, deletes the
     * transcript's text once no detected assignment waits for a decision. Runs in the caller's transaction.
     */
    void afterDecision(Actor actor, UUID clientId, UUID practiceId, UUID transcriptId) {
        if (transcripts.rule(practiceId).mode() != RetentionRule.Mode.AFTER_DECISIONS
                || transcripts.proposed(practiceId, transcriptId) > 0) {
            return;
        }
        if (transcripts.deleteText(practiceId, transcriptId, clock.instant(), TranscriptRepository.ALL_DECIDED)) {
            audit.record(AuditEntry.by(actor, clientId, AuditAction.DELETE, "transcript text", transcriptId,
                    "deleted by the practice's retention rule: " + TranscriptRepository.ALL_DECIDED));
        }
    }

    /** The periodic pass over every practice that still keeps transcript text. */
    @Scheduled(cron = "${carryover.transcripts.retention-cron:0 */15 * * * *}")
    void applyRules() {
        int deleted = 0;
        for (UUID practiceId : transcripts.practicesKeepingText()) {
            try {
                deleted += applyRule(practiceId).size();
            } catch (RuntimeException e) {
                log.error("The transcript retention pass failed for practice {}; it is tried again next time", practiceId, e);
            }
        }
        if (deleted > 0) {
            log.info("Transcript retention: deleted the text of {} transcript(s)", deleted);
        }
    }

    /** Applies one practice's rule now, each deletion with its audit row in one transaction. */
    List<TranscriptRepository.Deleted> applyRule(UUID practiceId) {
        return transaction.execute(status -> {
            RetentionRule rule = transcripts.rule(practiceId);
            List<TranscriptRepository.Deleted> deleted = transcripts.deleteExpired(practiceId, rule, clock.instant());
            for (TranscriptRepository.Deleted d : deleted) {
                audit.record(new AuditEntry(practiceId, null, RULE_LABEL, d.clientId(), AuditAction.DELETE,
                        "transcript text", d.id().toString(), "deleted by the practice's retention rule: transcript text "
                                + rule.words()));
            }
            return deleted;
        });
    }
}
