package app.carryover.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.caseload.Caseload;
import app.carryover.practice.PracticeProvisioning;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;

/**
 * Seeds the demo practice on first start in demo mode and prints its sign-in details on every
 * start. Refuses to run where a real practice lives: demo accounts have published passwords.
 */
@Component
@Order(0)
class DemoSeeder implements ApplicationRunner {

    static final String PASSWORD = "try carryover today";
    static final String DOMAIN = "demo.carryover.test";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    record DemoPerson(String name, String email, String timeZone) {
    }

    static final DemoPerson OWNER = new DemoPerson("Maya Lindqvist", "maya@" + DOMAIN, "Europe/London");
    static final DemoPerson THERAPIST = new DemoPerson("Jonah Okafor", "jonah@" + DOMAIN, "Europe/London");
    static final List<DemoPerson> CLIENTS = List.of(
            new DemoPerson("Priya Raman", "priya@" + DOMAIN, "Europe/London"),
            new DemoPerson("Tom Becker", "tom@" + DOMAIN, "Europe/Berlin"),
            new DemoPerson("Aisha Mensah", "aisha@" + DOMAIN, "Europe/London"),
            new DemoPerson("Lucas Moreau", "lucas@" + DOMAIN, "Europe/Paris"),
            new DemoPerson("Hannah Kowalski", "hannah@" + DOMAIN, "America/New_York"),
            new DemoPerson("Diego Alvarez", "diego@" + DOMAIN, "America/Los_Angeles"));

    private final PracticeProvisioning provisioning;
    private final Caseload caseload;
    private final TransactionTemplate transactions;
    private final DemoHistory history;
    private final Mailer mailer;
    private final boolean enabled;
    private final String baseUrl;

    DemoSeeder(PracticeProvisioning provisioning, Caseload caseload, TransactionTemplate transactions, DemoHistory history,
            Mailer mailer, ServerSettings server) {
        this.history = history;
        this.mailer = mailer;
        this.provisioning = provisioning;
        this.caseload = caseload;
        this.transactions = transactions;
        this.enabled = server.demo();
        this.baseUrl = server.baseUrl();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (provisioning.hasRealPractice()) {
            throw new IllegalStateException("Demo mode refuses to run on a database that holds a real practice: demo "
                    + "accounts have published passwords. Start without --carryover.demo, or use another data directory "
                    + "(CARRYOVER_DATA_DIR).");
        }
        if (provisioning.demoPractice().isEmpty()) {
            transactions.executeWithoutResult(status -> seed());
        }
        log.warn(banner(baseUrl, mailer.sendsMail()));
    }

    /**
     * What the log says on every demo start: where to go, who to sign in as, and what is different
     * from a real practice (no second factor, and, without a mail server, where links go instead).
     */
    static String banner(String baseUrl, boolean sendsMail) {
        StringBuilder people = new StringBuilder();
        people.append(String.format("%n    %-28s %s", OWNER.email(), "admin and therapist (" + OWNER.name() + ")"));
        people.append(String.format("%n    %-28s %s", THERAPIST.email(), "therapist (" + THERAPIST.name() + ")"));
        CLIENTS.forEach(c -> people.append(String.format("%n    %-28s %s", c.email(), "client (" + c.name() + ")")));
        String mail = sendsMail ? "E-mail: invitations and sign-in links are sent through the configured mail server."
                : "E-mail: no mail server is set up (CARRYOVER_SMTP_HOST), so nothing is e-mailed: an invitation's link is\n"
                        + "shown to the person who made it, and e-mailed sign-in links are not offered.";
        return """

                ======== Carryover demo practice ========
                Open %s and sign in with any of these; the password is "%s".%s
                Second factor: OFF in this demo practice, so the therapists sign in with the password alone.
                A real practice asks its clinicians and admins for one (Practice settings).
                %s
                Demo data only: never enter real client information here.
                =========================================""".formatted(baseUrl, PASSWORD, people, mail);
    }

    private void seed() {
        UUID practice = provisioning.createPractice("Harbour Demo Therapy", ZoneId.of("Europe/London"), true, false);
        UUID owner = provisioning.addAccount(practice, OWNER.email(), OWNER.name(), EnumSet.of(Role.ADMIN, Role.CLINICIAN),
                PASSWORD);
        UUID therapist = provisioning.addAccount(practice, THERAPIST.email(), THERAPIST.name(),
                EnumSet.of(Role.CLINICIAN), PASSWORD);
        Actor ownerActor = new Actor(practice, owner, OWNER.email(), OWNER.name(), EnumSet.of(Role.ADMIN, Role.CLINICIAN),
                null, false);
        Actor therapistActor = new Actor(practice, therapist, THERAPIST.email(), THERAPIST.name(),
                EnumSet.of(Role.CLINICIAN), null, false);
        List<DemoHistory.Client> seeded = new ArrayList<>();
        for (int i = 0; i < CLIENTS.size(); i++) {
            DemoPerson c = CLIENTS.get(i);
            UUID account = provisioning.addAccount(practice, c.email(), c.name(), EnumSet.of(Role.CLIENT), PASSWORD);
            Actor clinician = i < 4 ? ownerActor : therapistActor;
            var record = caseload.admit(practice, account, c.name(), ZoneId.of(c.timeZone()), clinician.accountId());
            seeded.add(new DemoHistory.Client(new Actor(practice, account, c.email(), c.name(), EnumSet.of(Role.CLIENT),
                    record.id(), false), record.id(), record.timeZone(), clinician));
        }
        history.seed(seeded);
        log.info("Seeded the demo practice");
    }
}
