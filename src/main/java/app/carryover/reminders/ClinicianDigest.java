package app.carryover.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.DuePractice;
import app.carryover.homework.DuePractices;
import app.carryover.measures.RiskAlert;
import app.carryover.measures.RiskAlerts;
import app.carryover.practice.Practices;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;

/**
 * The clinician's opt-in morning e-mail, once a day at their hour (in the practice's time zone):
 * clients behind on homework, homework due for review at today's sessions, open risk alerts and
 * open reminder follow-ups. Names and counts only, never content (no item, no answer, no score). One node sends it: the day is claimed in the
 * database first, and given back if the mail server cannot take it, so the next run tries again.
 */
@Service
class ClinicianDigest {

    /** What one digest says. */
    record Summary(List<String> behind, List<String> dueToday, List<String> alerts, List<String> followUps) {
        boolean empty() {
            return behind.isEmpty() && dueToday.isEmpty() && alerts.isEmpty() && followUps.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ClinicianDigest.class);

    private final PreferenceRepository store;
    private final Practices practices;
    private final Caseload caseload;
    private final DuePractices homework;
    private final Sessions sessions;
    private final EscalationRepository escalations;
    private final RiskAlerts riskAlerts;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Clock clock;
    private final String baseUrl;

    ClinicianDigest(PreferenceRepository store, Practices practices, Caseload caseload, DuePractices homework,
            Sessions sessions, EscalationRepository escalations, RiskAlerts riskAlerts, Mailer mailer, AuditTrail audit,
            Clock clock,
            ServerSettings server) {
        this.store = store;
        this.practices = practices;
        this.caseload = caseload;
        this.homework = homework;
        this.sessions = sessions;
        this.escalations = escalations;
        this.riskAlerts = riskAlerts;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    PreferenceRepository.Digest choice(Actor clinician) {
        requireClinician(clinician);
        return store.digest(clinician.practiceId(), clinician.accountId());
    }

    @Transactional
    void choose(Actor clinician, boolean enabled, String hour) {
        requireClinician(clinician);
        int h;
        try {
            h = Integer.parseInt(hour == null ? "" : hour.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("hour", "must be an hour from 0 to 23");
        }
        if (h < 0 || h > 23) {
            throw ProblemException.invalid("hour", "must be an hour from 0 to 23");
        }
        store.saveDigest(clinician.practiceId(), clinician.accountId(), enabled, h, clock.instant());
        audit.record(AuditEntry.by(clinician, null, AuditAction.SETTINGS, "morning digest", clinician.accountId(),
                enabled ? "turned the morning digest on at " + h + ":00" : "turned the morning digest off"));
    }

    void sweep() {
        for (UUID[] who : store.enabledDigests()) {
            try {
                sendIfDue(who[0], who[1]);
            } catch (RuntimeException e) {
                log.warn("Could not send the morning digest of account {} in practice {}: {}", who[1], who[0], e.toString());
            }
        }
    }

    /** Sends today's digest if its hour has come and no node has sent it yet; true when this call sent it. */
    boolean sendIfDue(UUID practiceId, UUID accountId) {
        Optional<Practices.Person> person = practices.person(practiceId, accountId)
                .filter(p -> p.active() && p.roles().contains(Role.CLINICIAN));
        if (person.isEmpty()) {
            return false;
        }
        ZoneId zone = practices.zoneOf(practiceId);
        ZonedDateTime local = clock.instant().atZone(zone);
        PreferenceRepository.Digest digest = store.digest(practiceId, accountId);
        if (local.getHour() < digest.hour() || !store.claimDigest(practiceId, accountId, local.toLocalDate())) {
            return false;
        }
        Actor clinician = new Actor(practiceId, accountId, person.get().email(), person.get().displayName(),
                person.get().roles(), null, false);
        Summary summary = summary(clinician, local.toLocalDate(), zone);
        try {
            mailer.send(person.get().email(), "Your Carryover morning summary", text(summary, local.toLocalDate()));
        } catch (MailException e) {
            store.unclaimDigest(practiceId, accountId, digest.lastSentOn());
            throw e;
        }
        audit.recordNow(AuditEntry.by(clinician, null, AuditAction.READ, "morning digest", accountId,
                "morning digest sent: " + summary.behind().size() + " behind, " + summary.dueToday().size()
                        + " with homework to review today, " + summary.alerts().size() + " with open risk alerts, "
                        + summary.followUps().size() + " follow-ups"));
        return true;
    }

    Summary summary(Actor clinician, LocalDate today, ZoneId zone) {
        List<String> behind = new ArrayList<>();
        List<String> dueToday = new ArrayList<>();
        List<ClientRecord> clients = caseload.mine(clinician).stream().filter(c -> !c.discharged()).toList();
        for (ClientRecord client : clients) {
            List<DuePractice> open = homework.openOf(client);
            long late = open.stream().filter(p -> !p.paused() && p.expectedSoFar() >= 2 && p.doneSoFar() < p.expectedSoFar() / 2)
                    .count();
            if (late > 0) {
                behind.add(client.displayName() + " (" + late + (late == 1 ? " assignment)" : " assignments)"));
            }
            List<UUID> todays = sessions.timeline(client.practiceId(), client.id()).stream()
                    .filter(s -> s.status() == SessionStatus.SCHEDULED && s.startsAt().atZone(zone).toLocalDate().equals(today))
                    .map(s -> s.id()).toList();
            long toReview = open.stream().filter(p -> p.dueSession() != null && todays.contains(p.dueSession().id())).count()
                    + open.stream().filter(DuePractice::unreviewed).count();
            if (toReview > 0) {
                dueToday.add(client.displayName() + " (" + toReview + " to review)");
            }
        }
        List<String> followUps = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        clients.forEach(c -> names.put(c.id(), c.displayName()));
        escalations.openTasks(clinician.practiceId(), clients.stream().map(ClientRecord::id).toList())
                .forEach(t -> followUps.add(names.get(t.clientId()) + " (no practice logged since "
                        + MessageWords.day(t.since().minusDays(1)) + ")"));
        List<String> alerts = new ArrayList<>();
        riskAlerts.openFor(clinician.practiceId(), clients.stream().map(ClientRecord::id).toList()).stream()
                .collect(Collectors.groupingBy(RiskAlert::clientId, LinkedHashMap::new,
                        Collectors.toList()))
                .forEach((clientId, open) -> {
                    long escalated = open.stream().filter(RiskAlert::escalated).count();
                    alerts.add(names.get(clientId) + " (" + open.size() + " open"
                            + (escalated > 0 ? ", " + escalated + " escalated" : "") + ")");
                });
        return new Summary(behind, dueToday, alerts, followUps);
    }

    private String text(Summary s, LocalDate today) {
        StringBuilder text = new StringBuilder("Good morning. Your clients on ").append(MessageWords.day(today)).append(":\n");
        if (s.empty()) {
            text.append("\nNothing needs your attention today.\n");
        }
        section(text, "Behind on homework", s.behind());
        section(text, "Open risk alerts", s.alerts());
        section(text, "Homework to review at today's sessions", s.dueToday());
        section(text, "Practice stopped (reminder follow-ups)", s.followUps());
        text.append("\nYour caseload: ").append(baseUrl).append("/caseload\n")
                .append("Turn this summary off or change its hour: ").append(baseUrl).append("/settings/digest\n");
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> names) {
        if (!names.isEmpty()) {
            text.append('\n').append(title).append(" (").append(names.size()).append("):\n");
            names.forEach(n -> text.append("  - ").append(n).append('\n'));
        }
    }

    private static void requireClinician(Actor actor) {
        if (!actor.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("The morning digest is for clinicians.");
        }
    }
}
