package app.carryover.measures;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;
import app.carryover.system.PracticeZones;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/**
 * Risk alerts: raised with the answer that gives them, shown to the care team until one of them
 * acknowledges it with what was done, escalated by {@link AlertEscalation} when nobody has within the
 * practice's rule. Every step is audited; the audit never holds the answer itself.
 */
@Service
public class RiskAlerts {

    private final RiskAlertRepository alerts;
    private final ClientAccess access;
    private final PracticeZones zones;
    private final SchedulerClient scheduler;
    private final AlertEscalation escalation;
    private final AuditTrail audit;
    private final Clock clock;

    RiskAlerts(RiskAlertRepository alerts, ClientAccess access, PracticeZones zones, SchedulerClient scheduler,
            AlertEscalation escalation, AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.access = access;
        this.zones = zones;
        this.scheduler = scheduler;
        this.escalation = escalation;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises an alert for a risk answer, in the transaction that saves the answer, and schedules its
     * escalation check for when the practice's working hours have run out (with the same commit).
     */
    RiskAlert raise(Actor actor, ClientRecord client, MeasureAdministration a, Score score) {
        Instant now = clock.instant();
        EscalationRule rule = rule(client.practiceId());
        RiskAlert alert = new RiskAlert(client.practiceId(), Uuids.timeOrdered(), client.id(), a.id(), a.instrument(),
                score.riskItems(), now, rule.deadline(now, zones.zoneOf(client.practiceId())), null, null, null, null,
                null, null);
        alerts.insert(alert);
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CREATE, "risk alert", alert.id(),
                "raised by a risk answer; escalates at " + alert.escalateAt() + " unless acknowledged"));
        scheduler.schedule(escalation.instance(alert), alert.escalateAt());
        return alert;
    }

    /** Every alert of the client, open first: the care team (supervisors included). */
    public List<RiskAlert> forClient(Actor actor, UUID clientId) {
        ClientRecord client = access.readClinical(actor, clientId, "risk alerts");
        return alerts.forClient(client.practiceId(), client.id());
    }

    public RiskAlert get(Actor actor, UUID clientId, UUID alertId) {
        ClientRecord client = access.readClinical(actor, clientId, "risk alert");
        return alerts.find(client.practiceId(), client.id(), alertId).orElseThrow(() -> ProblemException.notFound("Alert"));
    }

    /** The open alerts of these clients, for screens that have already checked access (the caseload, the banner). */
    public List<RiskAlert> openFor(UUID practiceId, Collection<UUID> clientIds) {
        return alerts.openFor(practiceId, clientIds);
    }

    /**
     * A clinician of the care team — supervisors too, since an escalated alert may reach them —
     * records what was done; the alert then leaves every page. "Other" needs a note.
     */
    @Transactional
    public RiskAlert acknowledge(Actor actor, UUID clientId, UUID alertId, RiskAlert.Action action, String note) {
        ClientRecord client = access.readClinical(actor, clientId, "risk alert");
        RiskAlert alert = alerts.find(client.practiceId(), client.id(), alertId)
                .orElseThrow(() -> ProblemException.notFound("Alert"));
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (action == null) {
            throw ProblemException.invalid("action", "say what was done: contacted the client, reviewed the safety plan, or other");
        }
        if (action == RiskAlert.Action.OTHER && cleaned == null) {
            throw ProblemException.invalid("note", "say what was done");
        }
        if (cleaned != null && cleaned.length() > 2000) {
            throw ProblemException.invalid("note", "must be at most 2,000 characters");
        }
        if (!alert.open() || !alerts.acknowledge(client.practiceId(), alert.id(), clock.instant(), actor.accountId(),
                action, cleaned)) {
            throw ProblemException.conflict("This alert was already acknowledged.");
        }
        audit.record(AuditEntry.by(actor, client.id(), AuditAction.CHANGE, "risk alert", alert.id(),
                "acknowledged: " + action.words() + (alert.escalated() ? " (after escalation)" : "")));
        return alerts.find(client.practiceId(), client.id(), alert.id()).orElseThrow();
    }

    /**
     * The practice's open escalated alerts, for its admins: client names and times only (no answers),
     * and the link to the record only where the admin is on the care team.
     */
    public List<RiskAlert> escalated(Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins see the practice's escalated alerts.");
        }
        return alerts.openEscalated(admin.practiceId());
    }

    public EscalationRule rule(UUID practiceId) {
        return alerts.rule(practiceId).orElse(EscalationRule.DEFAULT);
    }

    /** Sets the practice's escalation rule; alerts already raised keep the time they were given. */
    @Transactional
    public EscalationRule setRule(Actor admin, Integer hours, Integer dayStart, Integer dayEnd, Set<DayOfWeek> days) {
        if (!admin.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins change the escalation rule.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (hours == null || hours < 1 || hours > 72) {
            problems.add(new FieldProblem("hours", "must be from 1 to 72 working hours"));
        }
        if (dayStart == null || dayStart < 0 || dayStart > 23) {
            problems.add(new FieldProblem("dayStart", "must be an hour from 0 to 23"));
        }
        if (dayEnd == null || dayEnd < 1 || dayEnd > 24 || (dayStart != null && dayEnd <= dayStart)) {
            problems.add(new FieldProblem("dayEnd", "must be an hour after the start, up to 24"));
        }
        if (days == null || days.isEmpty()) {
            problems.add(new FieldProblem("days", "choose at least one working day"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        EscalationRule rule = new EscalationRule(hours, dayStart, dayEnd, days);
        alerts.saveRule(admin.practiceId(), rule, clock.instant(), admin.accountId());
        audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "risk alert escalation", admin.practiceId(),
                "now " + rule.describe()));
        return rule;
    }
}
