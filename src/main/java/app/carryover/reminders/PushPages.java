package app.carryover.reminders;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.homework.DuePractice;
import app.carryover.homework.DuePractices;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.Texts;

/**
 * Phone notifications on the client's reminder settings page: the card's state (model attribute {@code push},
 * shown by {@code reminders/push.html}, driven by {@code /js/push.js}), the JSON calls the page makes when the
 * client turns them on or off on a device, and a plain form to remove a device from another one (a lost phone).
 */
final class PushPages {

    private PushPages() {
    }

    /** One device on the card. */
    record DeviceView(UUID id, String device, String since, String endpointHash) {
    }

    /**
     * The card's state.
     *
     * @param publicKey     the VAPID public key browsers subscribe with
     * @param agreed        the client's consent to notifications stands
     * @param devices       their devices with notifications on
     * @param preview       what a notification will say, word for word (with a title only when they opted in)
     * @param showTitles    whether they opted in to titles
     * @param problem       the last delivery problem, or null
     */
    record PushView(String publicKey, boolean agreed, List<DeviceView> devices, String preview, boolean showTitles,
            String problem) {
    }

    /** What the browser's {@code PushSubscription.toJSON()} gives. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubscriptionBody(String endpoint, Long expirationTime, Keys keys) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Keys(String p256dh, String auth) {
        }
    }

    record Subscribed(UUID id, String device) {
    }

    /** Adds the card's state to the settings page (and to the page shown again with errors). */
    @ControllerAdvice(assignableTypes = ReminderSettingsPages.class)
    static class CardState {

        private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

        private final PushSubscriptions subscriptions;
        private final PushKeys keys;
        private final Caseload caseload;
        private final Consents consents;
        private final DuePractices practices;
        private final ReminderPreferences preferences;
        private final Texts texts;

        CardState(PushSubscriptions subscriptions, PushKeys keys, Caseload caseload, Consents consents,
                DuePractices practices, ReminderPreferences preferences, Texts texts) {
            this.subscriptions = subscriptions;
            this.keys = keys;
            this.caseload = caseload;
            this.consents = consents;
            this.practices = practices;
            this.preferences = preferences;
            this.texts = texts;
        }

        /** "Chrome on Android" as stored, in the page's language. */
        private String deviceName(String stored) {
            String[] parts = stored.split(" on ", 2);
            String browser = parts[0].equals("a browser") ? texts.get("push.aBrowser") : parts[0];
            if (parts.length == 1) {
                return browser;
            }
            String system = parts[1].equals("iPhone or iPad") ? texts.get("push.iPhoneOrIPad") : parts[1];
            return texts.get("push.deviceOn", browser, system);
        }

        @ModelAttribute("push")
        PushView push(Actor actor) {
            if (actor == null || !actor.isClient()) {
                return null;
            }
            ClientRecord client = caseload.find(actor.practiceId(), actor.clientId()).orElse(null);
            if (client == null) {
                return null;
            }
            PreferenceRepository.Stored own = preferences.stored(client);
            ZoneId zone = preferences.zone(client);
            Locale locale = texts.locale();
            List<DeviceView> devices = subscriptions.devicesOf(client.practiceId(), client.id()).stream()
                    .map(d -> new DeviceView(d.id(), deviceName(d.device()), "es".equals(locale.getLanguage())
                            ? app.carryover.system.Dates.longDay(d.createdAt().atZone(zone).toLocalDate(),
                                    d.createdAt().atZone(zone).toLocalDate(), locale)
                            : SINCE.format(d.createdAt().atZone(zone)), d.endpointHash()))
                    .toList();
            String headline = texts.get("reminder.headline.PRACTICE.one");
            String title = own.showTitles() ? practices.openOf(client).stream().map(DuePractice::title).findFirst()
                    .orElse(texts.get("push.exampleTitle")) : null;
            String preview = title == null ? headline : texts.get("reminder.notice.titles", headline, title);
            return new PushView(keys.publicKey(), consents.mayContact(client.practiceId(), client.id(), ConsentKind.PUSH_MESSAGES),
                    devices, preview, own.showTitles(), own.problemOf(PushChannel.KEY));
        }
    }

    /** The calls the settings page makes from the device (JSON; refusals as problem details naming the field). */
    @RestController
    static class Api {

        private final PushSubscriptions subscriptions;
        private final ReminderPlanner planner;

        Api(PushSubscriptions subscriptions, ReminderPlanner planner) {
            this.subscriptions = subscriptions;
            this.planner = planner;
        }

        @Access(AccessRule.CLIENT_SELF)
        @PostMapping("/settings/reminders/push")
        @ResponseStatus(HttpStatus.CREATED)
        Subscribed subscribe(Actor actor, @RequestBody SubscriptionBody body,
                @RequestHeader(value = "User-Agent", required = false) String userAgent) {
            SubscriptionBody.Keys k = body.keys();
            UUID id = subscriptions.subscribe(actor, body.endpoint(), k == null ? null : k.p256dh(), k == null ? null : k.auth(),
                    userAgent);
            planner.replan(actor.practiceId(), actor.clientId());
            return new Subscribed(id, PushSubscriptions.device(userAgent));
        }

        @Access(AccessRule.CLIENT_SELF)
        @DeleteMapping("/settings/reminders/push/{deviceId}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void unsubscribe(Actor actor, @PathVariable UUID deviceId) {
            subscriptions.unsubscribe(actor, deviceId);
        }
    }

    /** Removing a device from the list with a plain form (another phone, or no JavaScript). */
    @Controller
    static class Forms {

        private final PushSubscriptions subscriptions;
        private final Texts texts;

        Forms(PushSubscriptions subscriptions, Texts texts) {
            this.subscriptions = subscriptions;
            this.texts = texts;
        }

        @Access(AccessRule.CLIENT_SELF)
        @PostMapping("/settings/reminders/push/{deviceId}/remove")
        String remove(Actor actor, @PathVariable UUID deviceId, RedirectAttributes redirect) {
            subscriptions.unsubscribe(actor, deviceId);
            redirect.addFlashAttribute("notice", texts.get("push.removed"));
            return "redirect:/settings/reminders#push";
        }
    }

}
