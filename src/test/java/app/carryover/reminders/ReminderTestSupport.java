package app.carryover.reminders;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.testing.Background;
import app.carryover.testing.Fixtures;

/** Small builders and probes for the reminder tests, on the real services and database. */
final class ReminderTestSupport {

    private final ApplicationContext context;

    ReminderTestSupport(ApplicationContext context) {
        this.context = context;
    }

    /** A client in a zone who agreed to e-mail reminders and chose these times (quiet hours: the practice's). */
    Fixtures.Person emailClient(Fixtures.TestPractice practice, ZoneId zone, String times) {
        return emailClient(practice, zone, times, "", "");
    }

    /** The same with quiet hours of their own. */
    Fixtures.Person emailClient(Fixtures.TestPractice practice, ZoneId zone, String times, String quietStart, String quietEnd) {
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Rem " + UUID.randomUUID().toString().substring(0, 4),
                zone, practice.clinician());
        context.getBean(Consents.class).decide(client.actor(), ConsentKind.EMAIL_MESSAGES, true);
        context.getBean(ReminderPreferences.class).save(client.actor(), times, quietStart, quietEnd, false, "");
        return client;
    }

    Assignment assign(Fixtures.TestPractice practice, Fixtures.Person client, String title, Dose dose) {
        return context.getBean(Assignments.class).compose(practice.clinician().actor(), client.clientId(),
                new AssignmentDraft(title, "Do it, then note how it went.", null, true, List.of(), null, null, dose, null,
                        null, 3, null));
    }

    /** Plans the client now, as the listeners would (they may also have run; planning again is harmless). */
    int plan(Fixtures.Person client) {
        awaitEvents();
        var record = context.getBean(Caseload.class).find(client.practiceId(), client.clientId()).orElseThrow();
        return context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .execute(s -> context.getBean(ReminderPlanner.class).plan(record));
    }

    /**
     * Runs whatever the test clock says is due, until nothing due is left (a run takes a batch at a
     * time, other test classes leave work behind, and a run may schedule work for "now").
     */
    void runDue() {
        Background.runDue(context);
    }

    List<StoredMessage> messages(Fixtures.Person client) {
        return context.getBean(JdbcClient.class).sql("SELECT * FROM reminder_message WHERE practice_id = ? AND client_id = ? ORDER BY due_at, channel")
                .params(client.practiceId(), client.clientId()).query(MessageRepository::map).list();
    }

    List<StoredReminder> reminders(Fixtures.Person client) {
        return context.getBean(JdbcClient.class).sql("SELECT * FROM reminder WHERE practice_id = ? AND client_id = ? ORDER BY due_at, slot")
                .params(client.practiceId(), client.clientId()).query(ReminderRepository::map).list();
    }

    void awaitEvents() {
        Background.awaitEvents(context);
    }
}
