package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Dose;
import app.carryover.system.ProblemException;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.SmsProvider;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestEnvironment;

/**
 * Reminders by text message through a local stand-in for a Twilio-style provider: E.164 numbers,
 * idempotency keys, signed delivery receipts and STOP replies, a refused number, an outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class ReminderSmsTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;
    SmsProvider provider;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
        provider = TestEnvironment.get().sms();
    }

    @AfterEach
    void tidy() {
        provider.down(false);
    }

    @Test
    void numbersMustBeInternationalAndRealBeforeAnythingIsSaved() {
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Pat Phone", LONDON, practice.clinician());
        ReminderPreferences preferences = context.getBean(ReminderPreferences.class);
        assertThat(problem(() -> preferences.save(client.actor(), "08:00", "", "", false, "07700 900123")))
                .isEqualTo("phone: write it with your country code, like +44 7911 123456");
        assertThat(problem(() -> preferences.save(client.actor(), "08:00", "", "", false, "+44 12")))
                .isEqualTo("phone: '+44 12' is not a valid phone number");
        assertThat(problem(() -> preferences.save(client.actor(), "25:00", "", "", false, "+44 12")))
                .as("every field at fault is named").contains("times: '25:00' is not a time of day").contains("phone:");
        assertThat(problem(() -> preferences.setChannel(client.actor(), "sms", true))).isEqualTo("phone: add your mobile number first");
        preferences.save(client.actor(), "08:00", "", "", false, "+44 7911 123456");
        assertThat(preferences.view(client.actor()).phone()).isEqualTo("+447911123456");
    }

    @Test
    void aTextGoesOnceWithItsIdempotencyKeyAndItsReceiptIsBelievedOnlyWhenSigned() throws Exception {
        Fixtures.Person client = smsClient("+447911123201");
        sendMorningReminder(client);
        assertThat(provider.sentTo("+447911123201")).singleElement().satisfies(s -> {
            assertThat(s.body()).startsWith("Carryover: you have practice planned for today. http://localhost/r/")
                    .endsWith("Reply STOP to stop texts.").doesNotContain("Breathing");
            assertThat(s.statusCallback()).isEqualTo("http://localhost/hooks/sms/status");
        });
        StoredMessage m = support.messages(client).get(0);
        assertThat(provider.sentTo("+447911123201").get(0).idempotencyKey()).isEqualTo(m.id().toString());
        assertThat(m.state()).isEqualTo(MessageState.SENT);
        String sid = m.providerRef();

        Map<String, String> receipt = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", SmsProvider.ACCOUNT);
        assertThat(webhook("/hooks/sms/status", receipt, "forged").getResponse().getStatus()).isEqualTo(403);
        assertThat(webhook("/hooks/sms/status", receipt, null).getResponse().getStatus()).isEqualTo(403);
        Map<String, String> tampered = new LinkedHashMap<>(receipt);
        String goodSignature = SmsProvider.signature("http://localhost/hooks/sms/status", receipt);
        tampered.put("MessageStatus", "failed");
        assertThat(webhook("/hooks/sms/status", tampered, goodSignature).getResponse().getStatus())
                .as("a signature for other parameters").isEqualTo(403);
        assertThat(support.messages(client).get(0).state()).as("refused receipts change nothing").isEqualTo(MessageState.SENT);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder_webhook_refusal WHERE reason LIKE '%/hooks/sms/status'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);

        assertThat(webhook("/hooks/sms/status", receipt, goodSignature).getResponse().getStatus()).isEqualTo(204);
        assertThat(webhook("/hooks/sms/status", receipt, goodSignature).getResponse().getStatus()).isEqualTo(204);
        StoredMessage delivered = support.messages(client).get(0);
        assertThat(delivered.state()).isEqualTo(MessageState.DELIVERED);
        Map<String, String> late = Map.of("MessageSid", sid, "MessageStatus", "sent", "AccountSid", SmsProvider.ACCOUNT);
        webhook("/hooks/sms/status", late, SmsProvider.signature("http://localhost/hooks/sms/status", late));
        assertThat(support.messages(client).get(0).state()).as("a late 'sent' never moves it back").isEqualTo(MessageState.DELIVERED);
    }

    @Test
    void aNodeThatDiedBeforeStoringTheAnswerSendsAgainWithTheSameKeyAndTheProviderSendsOnce() {
        Fixtures.Person client = smsClient("+447911123202");
        sendMorningReminder(client);
        StoredMessage m = support.messages(client).get(0);
        // As if the node died after the provider took it but before SENT was stored: the execution is revived.
        jdbc.sql("UPDATE reminder_message SET state = 'SENDING', provider_ref = NULL WHERE practice_id = ? AND id = ?")
                .params(m.practiceId(), m.id()).update();
        context.getBean(Dispatcher.class).fire(new ReminderTasks.Slot(m.practiceId(), m.clientId(), m.dueAt()));
        StoredMessage again = support.messages(client).get(0);
        assertThat(again.state()).isEqualTo(MessageState.SENT);
        assertThat(again.providerRef()).isEqualTo(m.providerRef());
        assertThat(provider.sentTo("+447911123202")).as("the provider sent it once").hasSize(1);
    }

    @Test
    void aNumberTheProviderRefusesFailsForGoodAndTheClientIsTold() {
        provider.refuse("+447911123203");
        Fixtures.Person client = smsClient("+447911123203");
        sendMorningReminder(client);
        StoredMessage m = support.messages(client).get(0);
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.lastError()).isEqualTo("the text-message provider refused it: 21211 The 'To' number +447911123203 is not a "
                + "valid phone number. (HTTP 400)");
        assertThat(context.getBean(ReminderPreferences.class).view(client.actor()).channels())
                .filteredOn(c -> c.key().equals("sms")).singleElement()
                .satisfies(c -> assertThat(c.problem()).contains("21211"));
    }

    @Test
    void whileTheProviderIsDownTheTextWaitsAndThenGoesOnce() {
        Fixtures.Person client = smsClient("+447911123204");
        provider.down(true);
        sendMorningReminder(client);
        assertThat(support.messages(client).get(0).state()).isEqualTo(MessageState.RETRYING);
        assertThat(support.messages(client).get(0).lastError()).contains("20503 Service unavailable (HTTP 503)");
        provider.down(false);
        clock.set(Instant.parse("2026-05-12T07:01:00Z"));
        support.runDue();
        assertThat(support.messages(client).get(0).state()).isEqualTo(MessageState.SENT);
        assertThat(provider.sentTo("+447911123204")).hasSize(1);
    }

    @Test
    void aStopReplyWithdrawsTextConsentForThatNumber() throws Exception {
        Fixtures.Person client = smsClient("+447911123205");
        Map<String, String> stop = Map.of("From", "+447911123205", "To", SmsProvider.FROM, "Body", " stop ",
                "MessageSid", "SMinbound1");
        MvcResult forged = webhook("/hooks/sms/inbound", stop, "forged");
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(mayText(client)).isTrue();
        MvcResult result = webhook("/hooks/sms/inbound", stop, SmsProvider.signature("http://localhost/hooks/sms/inbound", stop));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(mayText(client)).isFalse();
        assertThat(context.getBean(Consents.class).decisions(client.practiceId(), client.clientId())
                .get(ConsentKind.SMS_MESSAGES).given()).isFalse();
        sendMorningReminder(client);
        assertThat(provider.sentTo("+447911123205")).isEmpty();
    }

    private boolean mayText(Fixtures.Person client) {
        return context.getBean(Consents.class).mayContact(client.practiceId(), client.clientId(), ConsentKind.SMS_MESSAGES);
    }

    private Fixtures.Person smsClient(String phone) {
        Fixtures.Person client = Fixtures.client(context, practice.id(), "Sam Sms", LONDON, practice.clinician());
        ReminderPreferences preferences = context.getBean(ReminderPreferences.class);
        preferences.save(client.actor(), "08:00", "", "", false, phone);
        preferences.setChannel(client.actor(), "sms", true);
        return client;
    }

    private void sendMorningReminder(Fixtures.Person client) {
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        support.assign(practice, client, "Breathing", Dose.perDay(1));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T07:00:00Z"));
        support.runDue();
    }

    private MvcResult webhook(String path, Map<String, String> params, String signature) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        params.forEach(request::param);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return mvc.perform(request).andReturn();
    }

    private static String problem(Runnable r) {
        try {
            r.run();
            return "no problem";
        } catch (ProblemException e) {
            return String.join("; ", e.fields().stream().map(f -> f.field() + ": " + f.message()).toList());
        }
    }
}
