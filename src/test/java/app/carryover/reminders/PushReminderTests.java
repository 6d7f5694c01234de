package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.Dose;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.PushService;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders as notifications on the client's phone (Web Push), delivered to a local push-service stand-in: the
 * test holds each subscriber's own key pair and auth secret, decrypts what arrived (RFC 8291) and reads the
 * words the client would see; checks the VAPID token (RFC 8292) against the key the settings page publishes;
 * a subscription the push service says is gone is dropped; the subscription calls refuse other people's
 * devices and bad input with a problem detail naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CarryoverTest
class PushReminderTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;
    PushService service;

    @BeforeAll
    void practice() throws Exception {
        practice = Fixtures.practice(context);
        support = new ReminderTestSupport(context);
        service = new PushService();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @AfterEach
    void tidy() {
        clock.reset();
    }

    @Test
    void aReminderArrivesOnThePhoneSayingOnlyThatPracticeIsPlannedUntilTheClientOptsInToTitles() throws Exception {
        clock.set(Instant.parse("2026-05-12T05:00:00Z"));
        Fixtures.Person client = client("Pia Push");
        WebSession web = WebSession.signIn(mvc, client, clock);
        PushService.Subscriber phone = service.subscribe();
        MvcResult subscribed = subscribe(web, phone.json(), "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        assertThat(subscribed.getResponse().getStatus()).isEqualTo(201);
        assertThat(json.readTree(subscribed.getResponse().getContentAsString()).get("device").asString())
                .isEqualTo("Chrome on Android");
        assertThat(context.getBean(Consents.class).mayContact(client.practiceId(), client.clientId(), ConsentKind.PUSH_MESSAGES))
                .as("turning notifications on for a device is the client's consent to them").isTrue();
        String page = web.read("/settings/reminders");
        assertThat(page).contains("Notifications on this phone")
                .contains("A reminder notification from Carryover will say, word for word: Carryover You have practice planned for today")
                .contains("It never says what the practice is.")
                .contains("Tapping it opens Today.")
                .contains("Chrome on Android, since 12 May 2026")
                .doesNotContain("??");

        sendMorningReminder(client, "Evening walk", Instant.parse("2026-05-12T07:00:00Z"));
        List<PushService.Push> pushes = service.receivedBy(phone);
        assertThat(pushes).hasSize(1);
        PushService.Push push = pushes.get(0);
        JsonNode shown = json.readTree(phone.decrypt(push.body()));
        assertThat(shown.get("title").asString()).isEqualTo("Carryover");
        assertThat(shown.get("body").asString()).isEqualTo("You have practice planned for today");
        assertThat(shown.get("url").asString()).isEqualTo("/today");
        assertThat(shown.toString()).as("no clinical detail without the opt-in").doesNotContain("Evening walk")
                .doesNotContain("/r/");
        StoredMessage message = support.messages(client).stream().filter(m -> m.channel().equals("push")).findFirst().orElseThrow();
        assertThat(message.state()).isEqualTo(MessageState.SENT);
        assertThat(message.address()).isEqualTo("1 device: Chrome on Android");
        assertThat(shown.get("tag").asString()).isEqualTo("reminder-" + message.id());

        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("21600");
        assertThat(push.header("Urgency")).isEqualTo("normal");
        assertThat(push.header("Topic")).isEqualTo(message.id().toString().replace("-", ""));
        PushService.Vapid vapid = PushService.vapid(push.header("Authorization"));
        assertThat(vapid.signatureValid()).as("ES256 signature verifies with k").isTrue();
        assertThat(vapid.key()).as("k is the key the settings page publishes for subscribing")
                .isEqualTo(context.getBean(PushKeys.class).publicKey());
        assertThat(web.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/settings/reminders"))
                .getResponse().getContentAsString()).contains("data-key=\"" + vapid.key() + "\"");
        JsonNode header = json.readTree(vapid.header());
        JsonNode claims = json.readTree(vapid.claims());
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(claims.get("aud").asString()).isEqualTo(service.origin());
        assertThat(claims.get("sub").asString()).isEqualTo("mailto:no-reply@localhost");
        long now = System.currentTimeMillis() / 1000;
        assertThat(claims.get("exp").asLong()).as("expires within 24 hours of now (RFC 8292)").isBetween(now, now + 24 * 3600);

        // Titles: the client opts in on the same page; the next morning's notification names the practice.
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00", "", "", true, "");
        assertThat(web.read("/settings/reminders")).contains("Carryover You have practice planned for today: Evening walk")
                .contains("It names the practice, because you chose to see titles");
        clock.set(Instant.parse("2026-05-13T07:00:00Z"));
        support.plan(client);
        support.runDue();
        assertThat(service.receivedBy(phone)).hasSize(2);
        assertThat(json.readTree(phone.decrypt(service.receivedBy(phone).get(1).body())).get("body").asString())
                .isEqualTo("You have practice planned for today: Evening walk");
    }

    @Test
    void aDeviceThePushServiceSaysIsGoneIsDroppedAndARetryReachesOnlyTheDeviceThatMissedIt() throws Exception {
        clock.set(Instant.parse("2026-05-12T05:00:00Z"));
        Fixtures.Person client = client("Gus Gone");
        WebSession web = WebSession.signIn(mvc, client, clock);
        PushService.Subscriber phone = service.subscribe();
        PushService.Subscriber laptop = service.subscribe();
        PushService.Subscriber old = service.subscribe();
        assertThat(subscribe(web, phone.json(), "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36")
                .getResponse().getStatus()).isEqualTo(201);
        assertThat(subscribe(web, laptop.json(), "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .getResponse().getStatus()).isEqualTo(201);
        assertThat(subscribe(web, old.json(), "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1")
                .getResponse().getStatus()).isEqualTo(201);
        service.answer(old, 410);
        service.answer(laptop, 503);

        sendMorningReminder(client, "Slow breathing", Instant.parse("2026-05-12T07:00:00Z"));
        StoredMessage first = pushMessage(client);
        assertThat(first.state()).as("the laptop's push service is down: tried again later").isEqualTo(MessageState.RETRYING);
        assertThat(first.lastError()).contains("Firefox on Linux: the push service answered HTTP 503")
                .contains("1 other device(s) have it");
        assertThat(service.receivedBy(phone)).hasSize(1);
        assertThat(devices(client)).as("410: the subscription ended, so it is gone")
                .containsExactlyInAnyOrder("Chrome on Android", "Firefox on Linux");

        service.answer(laptop, 201);
        clock.set(Instant.parse("2026-05-12T07:01:00Z"));
        support.runDue();
        assertThat(pushMessage(client).state()).isEqualTo(MessageState.SENT);
        assertThat(service.receivedBy(laptop)).hasSize(1);
        assertThat(service.requestsFor(phone)).as("the phone had it already: not sent again").isEqualTo(1);
        assertThat(json.readTree(laptop.decrypt(service.receivedBy(laptop).get(0).body())).get("body").asString())
                .isEqualTo("You have practice planned for today");

        // Every device gone: the message fails for good and the client is told on the settings page.
        service.answer(phone, 404);
        service.answer(laptop, 410);
        clock.set(Instant.parse("2026-05-13T07:00:00Z"));
        support.plan(client);
        support.runDue();
        StoredMessage second = support.messages(client).stream().filter(m -> m.channel().equals("push"))
                .filter(m -> m.localDate().toString().equals("2026-05-13")).findFirst().orElseThrow();
        assertThat(second.state()).isEqualTo(MessageState.FAILED);
        assertThat(devices(client)).isEmpty();
        web = WebSession.signIn(mvc, client, clock);
        assertThat(web.read("/settings/reminders")).contains("The last one could not be delivered: Chrome on Android: its "
                + "subscription has ended (HTTP 404), so it was removed; Firefox on Linux: its subscription has ended (HTTP 410)");
    }

    @Test
    void theCallsRefuseOtherPeoplesDevicesAndNameEveryFieldAtFault() throws Exception {
        Fixtures.Person owner = client("Olga Own");
        Fixtures.Person other = client("Otto Other");
        WebSession ownerWeb = WebSession.signIn(mvc, owner, clock);
        WebSession otherWeb = WebSession.signIn(mvc, other, clock);
        PushService.Subscriber phone = service.subscribe();
        MvcResult created = subscribe(ownerWeb, phone.json(), "Mozilla/5.0 (Linux; Android 14) Chrome/131.0");
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();

        MvcResult taken = subscribe(otherWeb, phone.json(), "Mozilla/5.0 (Linux; Android 14) Chrome/131.0");
        assertThat(taken.getResponse().getStatus()).as("another account's endpoint is not moved").isEqualTo(403);
        assertThat(field(taken, "endpoint")).isEqualTo("this browser already receives another account's reminders");
        MvcResult theirs = otherWeb.perform(delete("/settings/reminders/push/" + id));
        assertThat(theirs.getResponse().getStatus()).isEqualTo(404);
        assertThat(otherWeb.perform(post("/settings/reminders/push/" + id + "/remove")).getResponse().getStatus()).isEqualTo(404);
        assertThat(devices(owner)).containsExactly("Chrome on Android");

        MvcResult empty = subscribe(otherWeb, "{\"endpoint\":\"\"}", null);
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(field(empty, "endpoint")).isEqualTo("is required");
        assertThat(field(empty, "keys.p256dh")).isEqualTo("is required");
        assertThat(field(empty, "keys.auth")).isEqualTo("is required");
        PushService.Subscriber fresh = service.subscribe();
        MvcResult elsewhere = subscribe(otherWeb, fresh.json().replace(service.origin(), "https://10.0.0.7"), null);
        assertThat(field(elsewhere, "endpoint")).isEqualTo("is not a push service this server sends to (10.0.0.7)");
        MvcResult plain = subscribe(otherWeb, fresh.json().replace(service.origin(), "http://fcm.googleapis.com"), null);
        assertThat(field(plain, "endpoint")).isEqualTo("must be an https address of a push service");
        MvcResult badKeys = subscribe(otherWeb, fresh.json().replace(fresh.p256dh(), "AAAA").replace(fresh.auth(), "c2hvcnQ"), null);
        assertThat(field(badKeys, "keys.p256dh")).contains("P-256 public key");
        assertThat(field(badKeys, "keys.auth")).isEqualTo("must be the browser's 16-byte auth secret (URL-safe Base64)");
        MvcResult broken = subscribe(otherWeb, "{\"endpoint\":", null);
        assertThat(broken.getResponse().getStatus()).isEqualTo(400);
        assertThat(broken.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(devices(other)).as("nothing half-written").isEmpty();
        assertThat(context.getBean(Consents.class).mayContact(other.practiceId(), other.clientId(), ConsentKind.PUSH_MESSAGES))
                .isFalse();

        // Turning it off on the device: the owner's own call; with the last device gone, the consent goes too.
        assertThat(ownerWeb.perform(delete("/settings/reminders/push/" + id)).getResponse().getStatus()).isEqualTo(204);
        assertThat(devices(owner)).isEmpty();
        assertThat(context.getBean(Consents.class).mayContact(owner.practiceId(), owner.clientId(), ConsentKind.PUSH_MESSAGES))
                .isFalse();
    }

    @Test
    void aSpanishClientReadsTheCardAndTheNotificationInSpanish() throws Exception {
        clock.set(Instant.parse("2026-05-12T05:00:00Z"));
        Fixtures.Person client = client("Sol Spanish");
        context.getBean(app.carryover.practice.Practices.class).chooseLanguage(client.actor(), app.carryover.system.Languages.SPANISH);
        WebSession web = WebSession.signIn(mvc, client, clock);
        PushService.Subscriber phone = service.subscribe();
        assertThat(subscribe(web, phone.json(), "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Version/18.1 Safari/604.1")
                .getResponse().getStatus()).isEqualTo(201);
        assertThat(web.read("/settings/reminders")).contains("Notificaciones en este teléfono")
                .contains("Una notificación de recordatorio de Carryover dirá, palabra por palabra: Carryover Tiene práctica "
                        + "planeada para hoy")
                .contains("Nunca dice cuál es la práctica.")
                .contains("Al tocarla se abre Hoy.")
                .contains("Safari en iPhone o iPad, desde el martes 12 de mayo de 2026")
                .contains("Quitar");
        sendMorningReminder(client, "Paseo", Instant.parse("2026-05-12T07:00:00Z"));
        JsonNode shown = json.readTree(phone.decrypt(service.receivedBy(phone).get(0).body()));
        assertThat(shown.get("body").asString()).isEqualTo("Tiene práctica planeada para hoy");
    }

    private Fixtures.Person client(String name) {
        Fixtures.Person client = Fixtures.client(context, practice.id(), name, LONDON, practice.clinician());
        context.getBean(ReminderPreferences.class).save(client.actor(), "08:00", "", "", false, "");
        return client;
    }

    private MvcResult subscribe(WebSession web, String body, String userAgent) throws Exception {
        var request = post("/settings/reminders/push").contentType(MediaType.APPLICATION_JSON).content(body);
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return web.perform(request);
    }

    private String field(MvcResult result, String name) throws Exception {
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        for (JsonNode f : problem.get("errors")) {
            if (f.get("field").asString().equals(name)) {
                return f.get("message").asString();
            }
        }
        throw new AssertionError("no field " + name + " in " + problem);
    }

    private List<String> devices(Fixtures.Person client) {
        return jdbc.sql("SELECT device FROM push_subscription WHERE practice_id = ? AND client_id = ?")
                .params(client.practiceId(), client.clientId()).query(String.class).list();
    }

    private StoredMessage pushMessage(Fixtures.Person client) {
        return support.messages(client).stream().filter(m -> m.channel().equals("push")).findFirst().orElseThrow();
    }

    private void sendMorningReminder(Fixtures.Person client, String title, Instant at) {
        clock.set(at.minusSeconds(3600));
        support.assign(practice, client, title, Dose.perDay(1));
        support.plan(client);
        clock.set(at);
        support.runDue();
    }
}
