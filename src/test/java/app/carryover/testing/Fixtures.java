package app.carryover.testing;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;

import app.carryover.caseload.CareTeams;
import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.caseload.TeamRole;
import app.carryover.practice.PracticeProvisioning;
import app.carryover.system.Actor;
import app.carryover.system.Role;

/**
 * Test data: a practice of its own per test class, made through the application's services on
 * the real database, with every role the access rules distinguish.
 */
public final class Fixtures {

    public static final String PASSWORD = "grey heron by the canal";
    private static final AtomicInteger counter = new AtomicInteger();

    /** A person who can sign in; staff have a second factor (its Base32 key), clients a client record. */
    public record Person(UUID practiceId, UUID accountId, String email, String name, Set<Role> roles, String totpSecret,
            UUID clientId) {
        public Actor actor() {
            return new Actor(practiceId, accountId, email, name, roles, clientId, false);
        }
    }

    /**
     * A practice: an admin (not a clinician), a primary clinician and a supervisor of {@code client},
     * another clinician whose only client is {@code otherClient}.
     */
    public record TestPractice(UUID id, Person admin, Person clinician, Person supervisor, Person otherClinician,
            Person client, Person otherClient) {
    }

    private Fixtures() {
    }

    public static TestPractice practice(ApplicationContext context) {
        PracticeProvisioning provisioning = context.getBean(PracticeProvisioning.class);
        Caseload caseload = context.getBean(Caseload.class);
        CareTeams teams = context.getBean(CareTeams.class);
        Consents consents = context.getBean(Consents.class);
        int n = counter.incrementAndGet();
        String tag = "p" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID practiceId = provisioning.createPractice("Practice " + tag, ZoneId.of("Europe/London"), false, true);
        Person admin = staff(provisioning, practiceId, "admin", tag, EnumSet.of(Role.ADMIN), "Ada Admin");
        Person clinician = staff(provisioning, practiceId, "clinician", tag, EnumSet.of(Role.CLINICIAN), "Chris Primary");
        Person supervisor = staff(provisioning, practiceId, "supervisor", tag, EnumSet.of(Role.CLINICIAN), "Sam Supervisor");
        Person other = staff(provisioning, practiceId, "other", tag, EnumSet.of(Role.CLINICIAN), "Olu Other");
        Person client = client(provisioning, caseload, practiceId, "client", tag, "Kim Client", clinician);
        Person otherClient = client(provisioning, caseload, practiceId, "otherclient", tag, "Lee Otherclient", other);
        teams.assign(admin.actor(), client.clientId(), supervisor.accountId(), TeamRole.SUPERVISOR);
        consents.decide(client.actor(), ConsentKind.TERMS, true);
        consents.decide(otherClient.actor(), ConsentKind.TERMS, true);
        return new TestPractice(practiceId, admin, clinician, supervisor, other, client, otherClient);
    }

    /** Another staff member of a practice, with a second factor. */
    public static Person staff(ApplicationContext context, UUID practiceId, Set<Role> roles, String name) {
        String tag = "s" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return staff(context.getBean(PracticeProvisioning.class), practiceId, "staff", tag, roles, name);
    }

    private static Person staff(PracticeProvisioning provisioning, UUID practiceId, String who, String tag,
            Set<Role> roles, String name) {
        String email = who + "-" + tag + "@example.org";
        UUID id = provisioning.addAccount(practiceId, email, name, roles, PASSWORD);
        String secret = provisioning.enrollSecondFactor(practiceId, id);
        return new Person(practiceId, id, email, name, roles, secret, null);
    }

    /** Another client of a practice, in a time zone, who has accepted the terms. */
    public static Person client(ApplicationContext context, UUID practiceId, String name, ZoneId zone, Person primary) {
        String tag = "c" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "client-" + tag + "@example.org";
        UUID id = context.getBean(PracticeProvisioning.class).addAccount(practiceId, email, name, EnumSet.of(Role.CLIENT), PASSWORD);
        ClientRecord record = context.getBean(Caseload.class).admit(practiceId, id, name, zone, primary.accountId());
        Person person = new Person(practiceId, id, email, name, EnumSet.of(Role.CLIENT), null, record.id());
        context.getBean(Consents.class).decide(person.actor(), ConsentKind.TERMS, true);
        return person;
    }

    private static Person client(PracticeProvisioning provisioning, Caseload caseload, UUID practiceId, String who,
            String tag, String name, Person primary) {
        String email = who + "-" + tag + "@example.org";
        UUID id = provisioning.addAccount(practiceId, email, name, EnumSet.of(Role.CLIENT), PASSWORD);
        ClientRecord record = caseload.admit(practiceId, id, name, ZoneId.of("Europe/London"), primary.accountId());
        return new Person(practiceId, id, email, name, EnumSet.of(Role.CLIENT), null, record.id());
    }
}
