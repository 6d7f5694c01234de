package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.testing.Background;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.PushService;
import app.carryover.testing.TestClock;

/**
 * Phone notifications in headless Chromium at 390×844: the client opens their reminder page, reads what a
 * notification will say and turns notifications on. Headless Chromium reaches no real push service, so
 * {@code pushManager.subscribe} may fail there: the page must then say so plainly. The server's side is then
 * driven with a subscription of a local push-service stand-in sent from the page (as the page itself sends
 * one), the reminder the server pushes to it is decrypted with the subscriber's keys, and exactly that
 * plaintext is delivered to the phone's service worker through DevTools ({@code ServiceWorker.deliverPushMessage}):
 * the notification it shows is read back with {@code registration.getNotifications()}.
 */
@CarryoverTest
class PushJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientTurnsOnPhoneNotificationsAndTheReminderShowsOnThePhoneWithoutItsTitle() throws Exception {
        clock.set(Instant.parse("2026-05-12T06:00:00Z")); // 07:00 in London
        TestPractice practice = Fixtures.practice(context);
        context.getBean(Assignments.class).compose(practice.clinician().actor(), practice.client().clientId(),
                new AssignmentDraft("Evening walk", "Walk for twenty minutes, then rate your mood 0-10.", null, true,
                        List.of(), null, null, Dose.perDay(1), null, null, 3, null));
        String base = "http://localhost:" + port;
        try (PushService service = new PushService(); Browser phone = Browser.phone(base)) {
            HasCdp devTools = (HasCdp) phone.driver();
            devTools.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("notifications")));
            phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.press("Sign in");
            phone.click(By.linkText("Reminders"));
            untilStatusSettles(phone);
            String card = phone.find(By.id("push")).getText();
            assertThat(card).contains("Notifications on this phone")
                    .contains("A reminder notification from Carryover will say, word for word:")
                    .contains("You have practice planned for today")
                    .doesNotContain("Evening walk")
                    .contains("It never says what the practice is.")
                    .contains("Tapping it opens Today.")
                    .contains("Off for this phone.")
                    .contains("None yet.");
            scrollTo(phone, "#push");
            phone.screenshot("push-01-settings-off");

            phone.find(By.cssSelector("#push .push-on")).click();
            new WebDriverWait(phone.driver(), Duration.ofSeconds(60)).until(d -> {
                String s = status(phone);
                return !s.isBlank() && !s.equals("One moment…");
            });
            String afterTap = status(phone);
            boolean subscribedForReal = afterTap.startsWith("Turned on");
            if (!subscribedForReal) {
                assertThat(afterTap).as("headless Chromium has no push service: the page says so plainly")
                        .startsWith("This phone could not turn notifications on: ").doesNotContain("??");
            }
            scrollTo(phone, "#push .push-status");
            phone.screenshot("push-02-after-turning-on");

            // The server's side, as the page sends it after subscribing: a subscription of the local stand-in.
            PushService.Subscriber stand = service.subscribe();
            Object created = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var h = {'Content-Type': 'application/json'};
                    h[document.querySelector('meta[name="csrf-header"]').content] =
                        document.querySelector('meta[name="csrf-token"]').content;
                    fetch('/settings/reminders/push', {method: 'POST', headers: h, body: arguments[0], credentials: 'same-origin'})
                      .then(function (r) { done(r.status); }, function (e) { done(String(e)); });
                    """, stand.json());
            assertThat(created).isEqualTo(201L);
            phone.go("/settings/reminders");
            untilStatusSettles(phone);
            assertThat(phone.find(By.id("push")).getText()).contains("Chrome on Linux, since 12 May 2026")
                    .contains("Remove");
            scrollTo(phone, "#push .push-devices");
            phone.screenshot("push-03-settings-device-listed");

            clock.set(Instant.parse("2026-05-12T08:00:00Z")); // 09:00 in London, the practice's first reminder time
            Background.runDue(context);
            List<PushService.Push> pushes = service.receivedBy(stand);
            assertThat(pushes).as("the 09:00 reminder reached the push service").hasSize(1);
            String plaintext = stand.decrypt(pushes.get(0).body());
            assertThat(plaintext).doesNotContain("Evening walk");

            // What the phone would receive, handed to its service worker (registration ids count from 0 in a new profile).
            devTools.executeCdpCommand("ServiceWorker.enable", Map.of());
            Object shown = null;
            StringBuilder tried = new StringBuilder();
            for (int id = 0; id < 4 && shown == null; id++) {
                try {
                    devTools.executeCdpCommand("ServiceWorker.deliverPushMessage",
                            Map.of("origin", base, "registrationId", String.valueOf(id), "data", plaintext));
                    tried.append(id).append(": delivered; ");
                } catch (RuntimeException noSuchRegistration) {
                    tried.append(id).append(": ").append(String.valueOf(noSuchRegistration.getMessage()).lines().findFirst()
                            .orElse("")).append("; ");
                    continue;
                }
                shown = notifications(phone);
            }
            if (shown == null) {
                Object probe = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        var s = 'permission=' + Notification.permission;
                        navigator.serviceWorker.ready.then(function (r) {
                          return r.showNotification('probe', {body: 'from the page'}).then(function () {
                            return r.getNotifications(); }).then(function (ns) { done(s + ', after a page-made one: ' + ns.length); });
                        })['catch'](function (e) { done(s + ', ' + e); });
                        """);
                throw new AssertionError("no notification after a delivered push: " + tried + probe);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> notification = (Map<String, Object>) ((List<Object>) shown).get(0);
            assertThat(notification.get("title")).isEqualTo("Carryover");
            assertThat(notification.get("body")).isEqualTo("You have practice planned for today");
            assertThat((String) notification.get("tag")).startsWith("reminder-");
            assertThat(notification.get("url")).isEqualTo("/today");
            phone.screenshot("push-04-after-push");
        }
    }

    private static void scrollTo(Browser phone, String css) {
        ((JavascriptExecutor) phone.driver()).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
    }

    private static String status(Browser phone) {
        return phone.find(By.cssSelector("#push .push-status")).getText().strip();
    }

    private static void untilStatusSettles(Browser phone) {
        try {
            new WebDriverWait(phone.driver(), Duration.ofSeconds(30)).until(d -> !status(phone).startsWith("Checking"));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var s = {sw: 'serviceWorker' in navigator, push: 'PushManager' in window, n: 'Notification' in window,
                      subtle: !!(window.crypto && crypto.subtle), controller: !!navigator.serviceWorker.controller,
                      scripts: Array.from(document.scripts).map(function (x) { return x.src; }).join(' ')};
                    navigator.serviceWorker.getRegistration().then(function (r) {
                      s.registration = r ? (r.active ? 'active' : r.installing ? 'installing' : r.waiting ? 'waiting' : 'none') : 'no registration';
                      done(JSON.stringify(s));
                    }, function (e) { s.error = String(e); done(JSON.stringify(s)); });
                    """);
            throw new AssertionError("the card's status stayed at 'Checking…': " + state, e);
        }
    }

    /** The notifications the service worker shows, once there is one (null when none came within 10 s). */
    private static Object notifications(Browser phone) {
        for (int i = 0; i < 20; i++) {
            Object list = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready.then(function (r) { return r.getNotifications(); })
                      .then(function (ns) { done(ns.map(function (n) {
                        return {title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url}; })); },
                        function (e) { done([]); });
                    """);
            if (list instanceof List<?> l && !l.isEmpty()) {
                return list;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
