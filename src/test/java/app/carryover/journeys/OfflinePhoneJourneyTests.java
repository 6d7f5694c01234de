package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.AssignmentStatus;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.PracticeEntry;
import app.carryover.homework.PracticeLog;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * Carryover installed on a phone (390 × 844, headless Chromium) that loses its signal: Today, the Week,
 * History and a worksheet open from the phone's copy; three quick logs and a worksheet are kept on the
 * phone; the browser restarts; the signal returns; the client signs in again and everything reaches the
 * record exactly once, except the entry for a practice the clinician closed meanwhile, which the client is
 * shown, with the reason, and removes. A new version of the app taking over while an entry waits does not
 * lose it.
 */
@CarryoverTest
class OfflinePhoneJourneyTests {

    /** Signing in and sending what the phone kept, one entry after another: seconds each on a loaded machine. */
    private static final java.time.Duration SYNC = java.time.Duration.ofSeconds(40);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Assignments assignments;
    @Autowired
    PracticeLog log;

    @Test
    void practiceKeptOfflineReachesTheRecordOnceAfterARestartAndAClosedPracticeIsShown() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        Assignment walk = assign(practice, "Evening walk", null);
        Assignment breathing = assign(practice, "Slow breathing", null);
        Assignment mood = assign(practice, "Mood check", BuiltInWorksheets.MOOD_TRACKER);
        String worksheet = "/today/assignments/" + mood.id() + "/worksheet";
        Path profile = Files.createTempDirectory("phone-profile");
        List<Object> kept;
        try (SignalRelay signal = new SignalRelay(port)) {
            try (Browser phone = Browser.phone(signal.baseUrl(), profile)) {
                signIn(phone, practice);
                untilControlled(phone);
                List<?> installErrors = (List<?>) ((HasCdp) phone.driver())
                        .executeCdpCommand("Page.getInstallabilityErrors", Map.of()).get("installabilityErrors");
                assertThat(installErrors).as("Chromium finds Carryover installable").isEmpty();
                untilKept(phone, "/week", "/history", worksheet);

                offline(phone, signal, true);
                phone.go("/week");
                assertThat(phone.text()).as("the Week from the phone's copy").contains("Evening walk")
                        .contains("You are offline.");
                phone.go("/history");
                assertThat(phone.text()).contains("You are offline.");
                phone.go("/today");
                assertThat(phone.text()).contains("Hello, " + practice.client().name()).contains("You are offline.");

                tapDone(phone, "Evening walk");
                assertThat(phone.text()).contains("Kept on this phone: Evening walk. It will be sent when you are back online.");
                tapDone(phone, "Slow breathing");
                // the third with the keyboard alone: Tab to the button, Enter
                Actions keys = new Actions(phone.driver());
                for (int i = 0; i < 60 && !"Done: Evening walk".equals(activeLabel(phone)); i++) {
                    keys.sendKeys(Keys.TAB).perform();
                }
                assertThat(activeLabel(phone)).isEqualTo("Done: Evening walk");
                keys.sendKeys(Keys.ENTER).perform();
                phone.waitFor("3 on this phone, waiting to be sent.");
                assertThat(((JavascriptExecutor) phone.driver()).executeScript("return document.activeElement.id"))
                        .as("focus moves to what the phone says it kept").isEqualTo("offline-status");

                phone.go(worksheet);
                assertThat(phone.text()).contains("Daily mood and anxiety tracker");
                choose(phone, "mood", "3");
                choose(phone, "anxiety", "8");
                phone.driver().findElement(By.xpath("//button[normalize-space()='Save this entry']")).click();
                phone.waitFor("Kept on this phone: Mood check.");
                assertNoViolations(phone, "a worksheet offline, just kept");
                // a second one, in a hurry: the anxiety question left out
                phone.go(worksheet);
                choose(phone, "mood", "6");
                phone.driver().findElement(By.xpath("//button[normalize-space()='Save this entry']")).click();
                phone.waitFor("Kept on this phone: Mood check.");
                phone.go("/today");
                phone.waitFor("5 on this phone, waiting to be sent.");
                phone.driver().findElement(By.cssSelector("#offline-panel summary")).click();
                assertThat(phone.text()).contains("Evening walk · Done").contains("Slow breathing · Done")
                        .contains("Mood check · Worksheet");
                assertNoViolations(phone, "Today offline, with entries waiting");
                phone.screenshot("offline-01-today-five-waiting");
                kept = items(phone);
                assertThat(kept).hasSize(5);
            }

            // the clinician closes one practice meanwhile
            assignments.setStatus(practice.clinician().actor(), practice.client().clientId(), breathing.id(),
                    AssignmentStatus.COMPLETED);

            try (Browser phone = Browser.phone(signal.baseUrl(), profile)) {
                offline(phone, signal, true);
                phone.go("/today");
                phone.waitFor("5 on this phone, waiting to be sent.");
                phone.driver().findElement(By.cssSelector("#offline-panel summary")).click();
                assertThat(phone.text()).as("restarted, still offline, the phone still holds all five")
                        .contains("Mood check · Worksheet");
                phone.clearCookies(); // its session is over: restarted browsers lose it, and sessions end anyway

                offline(phone, signal, false);
                phone.go("/today");
                assertThat(phone.path()).startsWith("/signin");
                phone.waitFor("5 kept on this phone, waiting to be sent. Sign in to send them.");
                assertThat(phone.text()).as("no titles before anyone has signed in").doesNotContain("Mood check");
                assertNoViolations(phone, "sign-in, with entries waiting");
                phone.screenshot("offline-02-signin-five-waiting");
                phone.type("email", practice.client().email()).type("password", Fixtures.PASSWORD).press("Sign in");

                phone.waitFor("Back online: 3 sent from this phone to your record.", SYNC);
                phone.waitFor("2 on this phone; 2 not accepted. See why below.");
                assertThat(phone.text()).contains("Slow breathing · Done").contains("Not accepted:")
                        .contains("This practice is completed; it no longer takes entries.");
                assertNoViolations(phone, "Today online, with an entry not accepted");
                phone.screenshot("offline-03-sent-one-not-accepted");

                assertThat(entries(practice, walk)).as("both walks, once each").hasSize(2);
                List<PracticeEntry> moods = entries(practice, mood);
                assertThat(moods).hasSize(1);
                assertThat(moods.get(0).answers()).contains("\"mood\": 3").contains("\"anxiety\": 8");
                assertThat(entries(practice, breathing)).isEmpty();

                // an answer lost on the way back: the phone sends a walk again, with its id; nothing doubles
                Object walkItem = kept.stream().filter(i -> ((Map<?, ?>) i).get("title").equals("Evening walk"))
                        .findFirst().orElseThrow();
                phone.go("/today/assignments/" + walk.id() + "/reflection");
                Object sentAgain = ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                        var item = arguments[0], done = arguments[arguments.length - 1];
                        var open = indexedDB.open('carryover-offline', 1);
                        open.onsuccess = function () {
                          var tx = open.result.transaction('queue', 'readwrite');
                          tx.objectStore('queue').put(item);
                          // the page may still be sending from its own load (a send then answers 0 at once): try again
                          var tries = 0, attempt = function () {
                            carryoverOffline.send().then(function (n) {
                              if (n > 0) { done(n); } else if (++tries >= 40) {
                                carryoverOffline.items().then(function (all) {
                                  var m = document.querySelector('meta[name="carryover-account"]');
                                  done('nothing sent; page ' + location.pathname + ', account ' + (m && m.content)
                                      + ', online ' + navigator.onLine + ', items ' + JSON.stringify(all.map(function (i) {
                                        return [i.title, i.state, i.account]; })));
                                });
                              } else { setTimeout(attempt, 250); }
                            });
                          };
                          tx.oncomplete = function () { open.result.close(); attempt(); };
                        };""", walkItem);
                assertThat(sentAgain).isEqualTo(1L);
                assertThat(entries(practice, walk)).as("the repeat is recognised, not stored twice").hasSize(2);

                phone.go("/today");
                phone.waitFor("2 on this phone; 2 not accepted.");
                // the panel is drawn again once the page has looked for anything to send: click the button it ends with
                new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                            d.findElement(By.cssSelector("button[aria-label='Remove Slow breathing from this phone']")).click();
                            return true;
                        });
                phone.driver().switchTo().alert().accept();
                phone.waitFor("Removed from this phone.");
                phone.waitFor("1 on this phone; 1 not accepted.");
                assertThat(phone.text()).doesNotContain("Slow breathing · Done");

                // the incomplete worksheet, changed on its page and sent from there
                phone.click(By.cssSelector("a[aria-label='Change Mood check']"));
                phone.waitFor("Your answers for Mood check, kept on this phone, are filled in.");
                assertThat(phone.find(By.xpath("//input[@name='mood' and @value='6']")).isSelected()).isTrue();
                choose(phone, "anxiety", "2");
                phone.screenshot("offline-05-refused-worksheet-changed");
                phone.press("Save this entry");
                assertThat(phone.text()).contains("Logged: Mood check");
                assertThat(entries(practice, mood)).hasSize(2);
                assertThat(items(phone)).isEmpty();
                assertThat(phone.text()).doesNotContain("Not accepted");
            }
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aNewVersionTakesOverWhileAnEntryWaitsAndTheEntryIsSentOnce() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        Assignment walk = assign(practice, "Evening walk", null);
        Path profile = Files.createTempDirectory("phone-profile");
        try (SignalRelay signal = new SignalRelay(port)) {
            String first;
            try (Browser phone = Browser.phone(signal.baseUrl(), profile)) {
                signIn(phone, practice);
                untilControlled(phone);
                first = workerVersion(phone);
                offline(phone, signal, true);
                tapDone(phone, "Evening walk");
                phone.waitFor("1 on this phone, waiting to be sent.");
            }
            System.setProperty(OFFLINE_RELEASE, "update-test-" + System.nanoTime());
            signal.restore();
            try (Browser phone = Browser.phone(signal.baseUrl(), profile)) {
                phone.go("/signin");
                phone.waitFor("1 kept on this phone, waiting to be sent. Sign in to send them.");
                String[] now = new String[1];
                new WebDriverWait(phone.driver(), Duration.ofSeconds(20)).until(d -> {
                    ((JavascriptExecutor) d).executeScript("navigator.serviceWorker.getRegistration().then(r => r && r.update())");
                    now[0] = workerVersion(phone);
                    return now[0] != null && !now[0].equals(first);
                });
                assertThat(now[0]).as("the new worker took over").startsWith(first.split("-")[0]).contains("update-test-");
                String oldFiles = "carryover-static-" + first;
                new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> {
                    @SuppressWarnings("unchecked")
                    List<Object> names = (List<Object>) ((JavascriptExecutor) d).executeAsyncScript(
                            "caches.keys().then(arguments[arguments.length - 1])");
                    assertThat(names).as("the client's pages and the new version's files are kept")
                            .contains("carryover-static-" + now[0], "carryover-pages");
                    return !names.contains(oldFiles);
                });
                phone.screenshot("offline-04-new-version-one-waiting");
                phone.type("email", practice.client().email()).type("password", Fixtures.PASSWORD).press("Sign in");
                phone.waitFor("Back online: 1 sent from this phone to your record.", SYNC);
                assertThat(entries(practice, walk)).hasSize(1);
            } finally {
                System.clearProperty(OFFLINE_RELEASE);
            }
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aQuestionnaireAnsweredOfflineWithARiskAnswerShowsTheCrisisContactsOnceSent() throws Exception {
        TestPractice practice = Fixtures.practice(context);
        Path profile = Files.createTempDirectory("phone-profile");
        try (SignalRelay signal = new SignalRelay(port); Browser phone = Browser.phone(signal.baseUrl(), profile)) {
            signIn(phone, practice);
            untilControlled(phone);
            phone.go("/today/measures/PHQ9");
            untilKept(phone, "/today/measures/PHQ9");

            offline(phone, signal, true);
            phone.go("/today/measures/PHQ9");
            assertThat(phone.text()).contains("You are offline.").contains("Not read in real time.");
            for (int item = 1; item <= 9; item++) {
                ((JavascriptExecutor) phone.driver()).executeScript("document.getElementById(arguments[0]).click()",
                        "item" + item + "-1");
            }
            phone.driver().findElement(By.xpath("//button[normalize-space()='Send']")).click();
            phone.waitFor("Kept on this phone: PHQ-9.");

            offline(phone, signal, false);
            phone.go("/today");
            phone.waitFor("Back online: 1 sent from this phone to your record.", SYNC);
            assertThat(phone.text()).as("the crisis contacts the answer calls for, as the server shows them")
                    .contains("Your clinician has been told about your answer");
            assertNoViolations(phone, "Today with the crisis contacts after a questionnaire sent from the phone");
            phone.screenshot("offline-06-questionnaire-sent-crisis");
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static final String OFFLINE_RELEASE = "carryover.offline.release";

    private void signIn(Browser phone, TestPractice practice) {
        phone.go("/signin").type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
        phone.press("Sign in");
        assertThat(phone.path()).isEqualTo("/today");
    }

    /** Waits for the service worker to look after the page (it claims pages as it activates). */
    private static void untilControlled(Browser phone) {
        new WebDriverWait(phone.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));
    }

    /** Waits until the phone holds its own copy of these pages. */
    private static void untilKept(Browser phone, String... paths) {
        new WebDriverWait(phone.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeAsyncScript("""
                        var paths = arguments[0], done = arguments[arguments.length - 1];
                        caches.open('carryover-pages').then(c => Promise.all(paths.map(p => c.match(p))))
                            .then(found => done(found.every(r => !!r)));""", List.of(paths))));
    }

    private static String workerVersion(Browser phone) {
        return (String) ((JavascriptExecutor) phone.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistration().then(r => {
                  var worker = r && r.active;
                  if (!worker) { done(null); return; }
                  var channel = new MessageChannel();
                  channel.port1.onmessage = e => done(e.data);
                  worker.postMessage('version', [channel.port2]);
                });""");
    }

    /** No signal: DevTools' emulation tells the page, the relay makes every request fail. */
    private static void offline(Browser phone, SignalRelay signal, boolean offline) {
        if (offline) {
            signal.cut();
        } else {
            signal.restore();
        }
        HasCdp devTools = (HasCdp) phone.driver();
        devTools.executeCdpCommand("Network.enable", Map.of());
        devTools.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static void tapDone(Browser phone, String title) {
        phone.driver().findElement(By.cssSelector("button[aria-label='Done: " + title + "']")).click();
        phone.waitFor("Kept on this phone: " + title + ".");
    }

    private static String activeLabel(Browser phone) {
        return (String) ((JavascriptExecutor) phone.driver())
                .executeScript("return document.activeElement && document.activeElement.getAttribute('aria-label')");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Browser phone) {
        return (List<Object>) ((JavascriptExecutor) phone.driver())
                .executeAsyncScript("carryoverOffline.items().then(arguments[arguments.length - 1])");
    }

    private static void choose(Browser phone, String name, String value) {
        phone.driver().findElement(By.xpath("//input[@name='" + name + "' and @value='" + value + "']/parent::label")).click();
    }

    private List<PracticeEntry> entries(TestPractice practice, Assignment assignment) {
        return log.ofAssignment(practice.clinician().actor(), practice.client().clientId(), assignment.id());
    }

    private Assignment assign(TestPractice practice, String title, String worksheet) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(title,
                "Do it each evening, then log it here.", "To build the habit.", true, List.of(), null, worksheet,
                Dose.perDay(2), null, null, 3, null));
    }

    private static void assertNoViolations(Browser browser, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        String found = results.getViolations().stream().map(r -> r.getId() + ": " + r.getHelp() + " — "
                + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as("accessibility violations on %s:%n%s", page, found).isEmpty();
    }
}
