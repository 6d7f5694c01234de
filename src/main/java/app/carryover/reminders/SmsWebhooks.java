package app.carryover.reminders;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.ProblemException;
import app.carryover.system.ServerSettings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the text-message provider tells us: delivery receipts, and replies (a STOP reply withdraws
 * text-message consent for that number). Only requests signed with the account's auth token are
 * believed; anything else is refused with 403, recorded (without its content) for the admin, and
 * changes nothing.
 */
@RestController
class SmsWebhooks {

    static final String STATUS = "/hooks/sms/status";
    static final String INBOUND = "/hooks/sms/inbound";
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    private final SmsReceipts receipts;
    private final ReminderSettings settings;
    private final String baseUrl;

    SmsWebhooks(SmsReceipts receipts, ReminderSettings settings, ServerSettings server) {
        this.receipts = receipts;
        this.settings = settings;
        this.baseUrl = server.baseUrl();
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping(STATUS)
    ResponseEntity<Void> status(HttpServletRequest request) {
        verify(request, STATUS);
        receipts.status(param(request, "MessageSid"), param(request, "MessageStatus"), param(request, "ErrorCode"));
        return ResponseEntity.noContent().build();
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping(value = INBOUND, produces = MediaType.TEXT_XML_VALUE)
    String inbound(HttpServletRequest request) {
        verify(request, INBOUND);
        String body = param(request, "Body");
        if (body != null && STOP_WORDS.contains(body.strip().toUpperCase(Locale.ROOT))) {
            receipts.stop(param(request, "From"));
        }
        // Nothing to say back: the provider answers STOP with its own confirmation.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    }

    private void verify(HttpServletRequest request, String path) {
        String url = baseUrl + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!settings.sms().configured() || !SmsSignature.valid(settings.sms().authToken(), url,
                request.getParameterMap(), request.getHeader("X-Twilio-Signature"))) {
            receipts.refused(request.getHeader("X-Twilio-Signature") == null ? "no signature on " + path
                    : "bad signature on " + path);
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "The request's signature does not match.",
                    List.of());
        }
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
