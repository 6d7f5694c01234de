package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;
import app.carryover.system.Uuids;

/**
 * The first run: while the database holds no practice, each start writes a one-time setup link
 * (valid 24 hours, single use) to the log; following it creates the practice and its first admin.
 */
@Service
public class FirstRun implements ApplicationRunner {

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    /** What the setup form asks for. */
    record Setup(String practiceName, String timeZone, String displayName, String email, String password,
            String confirmation, boolean alsoClinician) {
    }

    private final PracticeRepository practices;
    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String baseUrl;
    private final boolean demo;

    FirstRun(PracticeRepository practices, AccountRepository accounts, JdbcClient jdbc, PasswordPolicy policy,
            PasswordEncoder encoder, Clock clock, ServerSettings server) {
        this.practices = practices;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.policy = policy;
        this.encoder = encoder;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
        this.demo = server.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo && practices.count() == 0) {
            String token = issueSetupToken();
            log.warn("""

                    ======== Carryover has no practice yet ========
                    Open this link to create your practice and its first administrator
                    (it works once, for 24 hours; restart Carryover for a new one):

                        {}/setup?token={}
                    ================================================""", baseUrl, token);
        }
    }

    /** Issues a new setup token; earlier unused ones stop working. */
    @Transactional
    public String issueSetupToken() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE setup_token SET expires_at = ? WHERE used_at IS NULL AND expires_at > ?")
                .params(PracticeRepository.ts(now), PracticeRepository.ts(now)).update();
        String token = Tokens.newToken();
        jdbc.sql("INSERT INTO setup_token (id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(Uuids.timeOrdered(), Tokens.hash(token), PracticeRepository.ts(now),
                        PracticeRepository.ts(now.plus(LIFETIME)))
                .update();
        return token;
    }

    /** Checks a setup link before showing the form: 409 once set up, 410 when used or expired. */
    void checkToken(String token) {
        if (practices.count() > 0) {
            throw ProblemException.conflict("Carryover is already set up. Please sign in.");
        }
        if (!Tokens.wellFormed(token)) {
            throw ProblemException.notFound("Setup link");
        }
        Optional<Boolean> usable = jdbc.sql("SELECT used_at IS NULL AND expires_at > ? FROM setup_token WHERE token_hash = ?")
                .params(PracticeRepository.ts(clock.instant()), Tokens.hash(token)).query(Boolean.class).optional();
        if (usable.isEmpty()) {
            throw ProblemException.notFound("Setup link");
        }
        if (!usable.get()) {
            throw ProblemException.gone("This setup link has expired or was already used. Restart Carryover to get a new one.");
        }
    }

    /** Creates the practice and its first admin in one transaction, using the link up. */
    @Transactional
    UUID setUp(String token, Setup form) {
        checkToken(token);
        List<FieldProblem> problems = new ArrayList<>();
        String name = form.practiceName() == null ? "" : form.practiceName().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("practiceName", "must be 1 to 200 characters"));
        }
        String person = form.displayName() == null ? "" : form.displayName().trim();
        if (person.isEmpty() || person.length() > 200) {
            problems.add(new FieldProblem("displayName", "must be 1 to 200 characters"));
        }
        String email = AccountRepository.normalise(form.email());
        if (!EmailAddresses.valid(email)) {
            problems.add(new FieldProblem("email", "is not a valid e-mail address"));
        }
        policy.problem(form.password(), email).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        if (form.password() != null && !form.password().equals(form.confirmation())) {
            problems.add(new FieldProblem("confirmation", "does not match the password"));
        }
        ZoneId zone = null;
        try {
            zone = Practices.zone("timeZone", form.timeZone());
        } catch (ProblemException e) {
            problems.addAll(e.fields());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(PracticeRepository.ts(now), Tokens.hash(token), PracticeRepository.ts(now)).update();
        if (used != 1) {
            throw ProblemException.gone("This setup link was already used.");
        }
        // Serialises concurrent set-ups: the second waits here, then finds a practice and stops.
        jdbc.sql("LOCK TABLE practice IN SHARE ROW EXCLUSIVE MODE").update();
        if (practices.count() > 0) {
            throw ProblemException.conflict("Carryover is already set up. Please sign in.");
        }
        Practice practice = new Practice(Uuids.timeOrdered(), name, zone, false, true, now);
        practices.insert(practice);
        Set<Role> roles = form.alsoClinician() ? EnumSet.of(Role.ADMIN, Role.CLINICIAN) : EnumSet.of(Role.ADMIN);
        accounts.insert(new Account(practice.id(), Uuids.timeOrdered(), email, person, roles, Account.Status.ACTIVE,
                encoder.encode(form.password()), null, null, null, now));
        log.info("Practice '{}' was set up", name);
        return practice.id();
    }
}
