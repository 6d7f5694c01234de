package app.carryover.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.caseload.CareTeams;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.homework.ClientSpokeUp;
import app.carryover.homework.ClientVoice;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;

/**
 * Tells a client's primary clinician and co-therapists by e-mail that the client sent a question or a
 * request (issue 21), so it can be answered before the session. The e-mail carries neither the client's
 * name nor their words, only how many wait and where to sign in: it may be read on a shared or work
 * phone. Several sent within {@link #GATHER} of the first make one e-mail (one scheduled execution per
 * clinician, made if none waits), and anything answered meanwhile is not mentioned. A clinician turns
 * it off on the same page as the morning summary.
 */
@Service
class QuestionNotices {

    /** How long the first question waits for others to join it in one e-mail. */
    static final Duration GATHER = Duration.ofMinutes(5);
    static final String TASK = "question-notice";

    /** What the scheduled execution carries: whom to tell, and when the first question came. */
    record Notice(UUID practiceId, UUID accountId, Instant since) {
    }

    private final PreferenceRepository store;
    private final CareTeams teams;
    private final Caseload caseload;
    private final ClientVoice voice;
    private final Practices practices;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final ObjectProvider<Scheduler> scheduler;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final String baseUrl;

    QuestionNotices(PreferenceRepository store, CareTeams teams, Caseload caseload, ClientVoice voice, Practices practices,
            Mailer mailer, AuditTrail audit, ObjectProvider<Scheduler> scheduler, PlatformTransactionManager transactions,
            Clock clock, ServerSettings server) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.store = store;
        this.teams = teams;
        this.caseload = caseload;
        this.voice = voice;
        this.practices = practices;
        this.mailer = mailer;
        this.audit = audit;
        this.scheduler = scheduler;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        OneTimeTask<Notice> questionNoticeTask(ObjectProvider<QuestionNotices> notices) {
            return Tasks.oneTime(TASK, Notice.class).execute((instance, context) -> notices.getObject().send(instance.getData()));
        }
    }

    /** A question arrived: each clinician who answers for the client gets a notice in a few minutes, unless one waits. */
    @ApplicationModuleListener
    void on(ClientSpokeUp spoke) {
        for (CareTeams.Member member : teams.of(spoke.practiceId(), spoke.clientId())) {
            if (member.role().canChange() && store.questionNotices(spoke.practiceId(), member.clinicianId()).byEmail()) {
                schedule(new Notice(spoke.practiceId(), member.clinicianId(), spoke.at()));
            }
        }
    }

    /**
     * One waiting notice per clinician: a later question joins the one already waiting. (db-scheduler's
     * scheduleIfNotExists would meet the duplicate key inside our transaction and abort it, so the
     * check comes first, and a notice made meanwhile by another node is met inside a savepoint.)
     */
    private void schedule(Notice notice) {
        String id = notice.practiceId() + ":" + notice.accountId();
        if (scheduler.getObject().getScheduledExecution(TaskInstanceId.of(TASK, id)).isPresent()) {
            return;
        }
        try {
            nested.executeWithoutResult(status -> scheduler.getObject()
                    .schedule(new TaskInstance<>(TASK, id, notice), notice.since().plus(GATHER)));
        } catch (RuntimeException e) {
            if (scheduler.getObject().getScheduledExecution(TaskInstanceId.of(TASK, id)).isEmpty()) {
                throw e;
            }
        }
    }

    boolean byEmail(Actor clinician) {
        return store.questionNotices(clinician.practiceId(), clinician.accountId()).byEmail();
    }

    @Transactional
    void choose(Actor clinician, boolean byEmail) {
        store.saveQuestionNotices(clinician.practiceId(), clinician.accountId(), byEmail, clock.instant());
        audit.record(AuditEntry.by(clinician, null, AuditAction.SETTINGS, "question notices", clinician.accountId(),
                byEmail ? "turned e-mails about clients' questions on" : "turned e-mails about clients' questions off"));
    }

    /**
     * Sends the notice if anything sent since the first question (and after the last notice) still waits
     * for an answer; true when an e-mail went. A mail server refusal throws, so the scheduler tries again.
     */
    @Transactional
    boolean send(Notice notice) {
        Optional<Practices.Person> person = practices.person(notice.practiceId(), notice.accountId())
                .filter(p -> p.active() && p.roles().contains(Role.CLINICIAN));
        PreferenceRepository.QuestionNotices choice = store.questionNotices(notice.practiceId(), notice.accountId());
        if (person.isEmpty() || !choice.byEmail()) {
            return false;
        }
        Instant now = clock.instant();
        Instant since = choice.noticedUntil() != null && choice.noticedUntil().isAfter(notice.since())
                ? choice.noticedUntil() : notice.since();
        Actor clinician = new Actor(notice.practiceId(), notice.accountId(), person.get().email(),
                person.get().displayName(), person.get().roles(), null, false);
        List<UUID> answersFor = caseload.mine(clinician).stream().filter(c -> !c.discharged())
                .map(ClientRecord::id)
                .filter(id -> teams.of(notice.practiceId(), id).stream()
                        .anyMatch(m -> m.clinicianId().equals(notice.accountId()) && m.role().canChange()))
                .toList();
        int waiting = voice.waitingSince(notice.practiceId(), answersFor, since);
        store.noticed(notice.practiceId(), notice.accountId(), now, now);
        if (waiting == 0) {
            return false;
        }
        mailer.send(person.get().email(), subject(waiting), text(person.get().displayName(), waiting));
        audit.record(AuditEntry.by(clinician, null, AuditAction.READ, "question notices", notice.accountId(),
                "e-mailed that " + waiting + (waiting == 1 ? " question or request waits" : " questions or requests wait")
                        + " (no names, no words)"));
        return true;
    }

    static String subject(int waiting) {
        return waiting == 1 ? "Carryover: a client sent you a question about their homework"
                : "Carryover: clients sent you " + waiting + " questions about their homework";
    }

    private String text(String clinicianName, int waiting) {
        String what = waiting == 1 ? "A client of yours sent a question or request about their homework."
                : "Clients of yours sent " + waiting + " questions or requests about their homework in the last few minutes.";
        return "Hello " + clinicianName + ",\n\n" + what + "\n\n"
                + "Sign in to Carryover to read and answer " + (waiting == 1 ? "it" : "them")
                + ": your caseload shows who is waiting.\n" + baseUrl + "/caseload\n\n"
                + "This message leaves out the client's name and words on purpose.\n"
                + "Turn these e-mails off: " + baseUrl + "/settings/digest\n";
    }
}
