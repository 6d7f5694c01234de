package app.carryover.measures;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.CareTeams;
import app.carryover.caseload.TeamRole;
import app.carryover.practice.Practices;
import app.carryover.system.Mailer;
import app.carryover.system.ServerSettings;

/**
 * Escalates a risk alert nobody acknowledged in time: a one-off db-scheduler execution per alert,
 * scheduled with the commit that raised it for the moment the practice's working hours run out, so
 * it runs once across nodes (and again after a crash, which is why it checks and records in one
 * transaction). It tells the client's supervisors and the practice's admins in Carryover and by
 * e-mail; the e-mail names neither the client nor the answer, only that an alert waits.
 */
@Component
class AlertEscalation {

    /** What the scheduled execution carries. */
    record Escalate(UUID practiceId, UUID clientId, UUID alertId) {
    }

    static final String LABEL = "Risk alert escalation";
    private static final Logger log = LoggerFactory.getLogger(AlertEscalation.class);

    private final RiskAlertRepository alerts;
    private final CareTeams teams;
    private final Practices practices;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String baseUrl;

    AlertEscalation(RiskAlertRepository alerts, CareTeams teams, Practices practices, Mailer mailer,
            AuditTrail audit, TransactionTemplate transaction, Clock clock, ServerSettings server) {
        this.alerts = alerts;
        this.teams = teams;
        this.practices = practices;
        this.mailer = mailer;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        static final String NAME = "risk-alert-escalation";

        @Bean
        OneTimeTask<Escalate> riskAlertEscalationTask(AlertEscalation escalation) {
            return Tasks.oneTime(NAME, Escalate.class).execute((instance, context) -> escalation.run(instance.getData()));
        }
    }

    TaskInstance<Escalate> instance(RiskAlert alert) {
        return new TaskInstance<>(Task.NAME, alert.id().toString(),
                new Escalate(alert.practiceId(), alert.clientId(), alert.id()));
    }

    /** Escalates the alert if it is still open and not escalated; otherwise does nothing. */
    void run(Escalate work) {
        transaction.executeWithoutResult(status -> {
            var alert = alerts.lockOpen(work.practiceId(), work.alertId());
            if (alert.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Map<UUID, Practices.Person> people = new LinkedHashMap<>();
            teams.of(work.practiceId(), work.clientId()).stream().filter(m -> m.role() == TeamRole.SUPERVISOR)
                    .forEach(m -> practices.person(work.practiceId(), m.clinicianId()).filter(Practices.Person::active)
                            .ifPresent(p -> people.put(p.id(), p)));
            practices.admins(work.practiceId()).stream().filter(Practices.Person::active)
                    .forEach(p -> people.putIfAbsent(p.id(), p));
            alerts.markEscalated(work.practiceId(), work.alertId(), now, people.size());
            int mailed = 0;
            for (Practices.Person person : people.values()) {
                try {
                    mailer.send(person.email(), "Carryover: an urgent alert has not been acknowledged", message(person));
                    mailed++;
                } catch (RuntimeException e) {
                    log.error("Could not e-mail an escalated risk alert to account {}", person.id(), e);
                }
            }
            audit.record(new AuditEntry(work.practiceId(), null, LABEL, work.clientId(), AuditAction.CHANGE, "risk alert",
                    work.alertId().toString(), "escalated unacknowledged to " + people.size() + " supervisor(s) and admin(s); "
                            + mailed + " e-mail(s) sent"));
        });
    }

    private String message(Practices.Person person) {
        return "Hello " + person.displayName() + ",\n\n"
                + "An urgent alert about a client of your practice was raised from a questionnaire answer and no one on "
                + "the client's care team has acknowledged it within the practice's time.\n\n"
                + "Please sign in to Carryover now to see which client it concerns and make sure someone follows it up:\n"
                + baseUrl + "/alerts\n\n"
                + "This message leaves out the client's name and answers on purpose.";
    }
}
