package app.carryover.testing;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.Sessions;
import app.carryover.sessions.TherapySession;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.Fixtures.TestPractice;

/**
 * "A practice with a clinician and a client", the set-up most test classes share: a practice of the
 * test's own ({@link Fixtures#practice}: an admin, the client's primary clinician and supervisor, another
 * clinician and their client), made on first use, so at the test clock's time then, and people signed
 * in to the pages on request. A test asks for one as a parameter ({@link CarryoverExtension}):
 *
 * <pre>
 * &#64;BeforeEach
 * void signIn(Clinic clinic) throws Exception {
 *     clock.set(Instant.parse("2026-03-03T09:00:00Z"));
 *     practice = clinic.practice();
 *     clinician = clinic.signIn(practice.clinician());
 * }
 * </pre>
 */
public final class Clinic {

    private final ApplicationContext context;
    private final MockMvc mvc;
    private final TestClock clock;
    private TestPractice practice;

    Clinic(ApplicationContext context, MockMvc mvc, TestClock clock) {
        this.context = context;
        this.mvc = mvc;
        this.clock = clock;
    }

    /** The practice, made the first time it is asked for. */
    public TestPractice practice() {
        if (practice == null) {
            practice = Fixtures.practice(context);
        }
        return practice;
    }

    public UUID id() {
        return practice().id();
    }

    /** The client's primary clinician. */
    public Person clinician() {
        return practice().clinician();
    }

    /** The client (Europe/London, terms accepted), with a primary clinician and a supervisor. */
    public Person client() {
        return practice().client();
    }

    public UUID clientId() {
        return client().clientId();
    }

    /** The clinician's page of the client, {@code /clients/{clientId}}. */
    public String clientPage() {
        return "/clients/" + clientId();
    }

    /** Signs a person in through the real sign-in pages (with their second factor), as a browser would. */
    public WebSession signIn(Person person) throws Exception {
        return WebSession.signIn(mvc, person, clock);
    }

    /** Signs a person in through the sign-in pages in a real browser, with their second factor when they have one. */
    public Browser signIn(Browser browser, Person person) {
        browser.go("/signin").type("email", person.email()).type("password", Fixtures.PASSWORD);
        browser.press("Sign in");
        if (person.totpSecret() != null) {
            browser.type("code", TestTotp.code(person.totpSecret(), clock.instant()));
            browser.press("Continue");
        }
        return browser;
    }

    /** Another client of the practice's clinician, in a time zone, who has accepted the terms. */
    public Person newClient(String name, ZoneId zone) {
        return Fixtures.client(context, id(), name, zone, clinician());
    }

    /**
     * Weekly sessions of the client with their clinician, 50 minutes each, the first at a local time in
     * the client's zone; scheduled at the clock's time, one by one as the session form would.
     */
    public List<TherapySession> weeklySessions(LocalDateTime first, int count) {
        Sessions sessions = context.getBean(Sessions.class);
        List<TherapySession> made = new ArrayList<>();
        for (int week = 0; week < count; week++) {
            made.add(sessions.schedule(clinician().actor(), clientId(), first.plusWeeks(week), 50));
        }
        return made;
    }

    /** The clinician records the session as held, at the clock's time (at the earliest, 15 minutes before it starts). */
    public TherapySession held(TherapySession session) {
        return context.getBean(Sessions.class).setStatus(clinician().actor(), clientId(), session.id(), SessionStatus.HELD);
    }

    /** Another practice of its own (for what one practice must not see of another). */
    public TestPractice anotherPractice() {
        return Fixtures.practice(context);
    }
}
