package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * E-mailed links asked for on a public form (sign-in links, password resets). Each request is counted
 * per address asked for ({@value #PER_EMAIL} a quarter of an hour) and per requester ({@value #PER_REQUESTER});
 * within both, the mail is left to a background task, which looks the address up, makes the link and
 * sends it. So the form answers every address the same, in the same time, doing the same work, and
 * nobody can have more than three live links of a kind sent to one address at once (issue 15: 30
 * requests sent 30 e-mails with 30 valid links, and the time taken told which addresses were clients).
 */
@Component
class LinkRequests {

    static final int PER_EMAIL = 3;
    static final int PER_REQUESTER = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    enum Kind { SIGN_IN, PASSWORD_RESET }

    /** What the task is handed: which link, for which address. */
    record LinkMail(Kind kind, String email) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Scheduler scheduler;
    private final OneTimeTask<LinkMail> task;

    LinkRequests(JdbcClient jdbc, Clock clock, Scheduler scheduler, OneTimeTask<LinkMail> linkMailTask) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.task = linkMailTask;
    }

    /**
     * Counts the request and, within the limits, schedules the mail. Says nothing either way: the
     * caller shows the same page whatever happened.
     */
    void ask(Kind kind, String email, String requester) {
        String normalised = AccountRepository.normalise(email);
        String from = requester == null ? "unknown" : requester;
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO link_request (kind, email, address, requested_at) VALUES (?, ?, ?, ?)")
                .params(kind.name(), normalised, from, PracticeRepository.ts(now)).update();
        Instant since = now.minus(WINDOW);
        long forEmail = jdbc.sql("SELECT count(*) FROM link_request WHERE email = ? AND kind = ? AND requested_at > ?")
                .params(normalised, kind.name(), PracticeRepository.ts(since)).query(Long.class).single();
        long forRequester = jdbc.sql("SELECT count(*) FROM link_request WHERE address = ? AND requested_at > ?")
                .params(from, PracticeRepository.ts(since)).query(Long.class).single();
        if (forEmail <= PER_EMAIL && forRequester <= PER_REQUESTER && EmailAddresses.valid(normalised)) {
            scheduler.schedule(task.instance(UUID.randomUUID().toString(), new LinkMail(kind, normalised)), now);
        }
    }
}
