package app.carryover.practice;

import java.io.IOException;
import java.time.Clock;
import java.util.OptionalLong;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.SecretBox;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The second step of sign-in for accounts that need a second factor: enter a code from an
 * authenticator app, or set one up on first sign-in. Only reachable while a first factor has
 * passed (the security configuration requires the pending authority here).
 */
@Controller
class SecondFactorController {

    private static final String PENDING_SECRET = "carryover.pendingTotpSecret";

    private final AccountRepository accounts;
    private final SignInCompletion completion;
    private final SignInThrottle throttle;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final RecoveryCodes recoveryCodes;

    SecondFactorController(AccountRepository accounts, SignInCompletion completion, SignInThrottle throttle,
            SecretBox secrets, AuditTrail audit, Clock clock, RecoveryCodes recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.completion = completion;
        this.throttle = throttle;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/second-factor")
    String codeForm(Model model) {
        SignedInUser user = pendingUser();
        if (!user.secondFactorEnrolled()) {
            return "redirect:/signin/second-factor/setup";
        }
        model.addAttribute("email", user.getUsername());
        return "practice/second-factor";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/signin/second-factor")
    String checkCode(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SignedInUser user = pendingUser();
        Account account = account(user);
        try {
            // counted before the check; a completed sign-in forgets it with the account's other failures
            throttle.begin(user.getUsername(), request.getRemoteAddr());
        } catch (SignInThrottle.Throttled e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("email", user.getUsername());
            return "practice/second-factor";
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            if (recoveryCodes.use(account.practiceId(), account.id(), code)) {
                int left = recoveryCodes.unused(account.practiceId(), account.id());
                audit.record(AuditEntry.by(user.actor(), null, AuditAction.CHANGE, "account", account.id(),
                        "recovery code used to sign in; " + left + " left"));
                completion.complete(user, "password and a recovery code", request, response);
                return null;
            }
            audit.recordNow(AuditEntry.by(user.actor(), null, AuditAction.SIGN_IN_FAILED, "account", account.id(),
                    "wrong recovery code"));
            model.addAttribute("error", "That recovery code did not work: it may be mistyped or already used.");
            model.addAttribute("email", user.getUsername());
            return "practice/second-factor";
        }
        OptionalLong step = account.totpSecret() == null ? OptionalLong.empty()
                : Totp.matchingStep(secrets.open(account.totpSecret()), code, clock.instant());
        if (step.isEmpty() || !accounts.useTotpStep(account.practiceId(), account.id(), step.getAsLong())) {
            audit.recordNow(AuditEntry.by(user.actor(), null, AuditAction.SIGN_IN_FAILED, "account", account.id(),
                    "wrong second-factor code"));
            model.addAttribute("error", "That code did not work. Codes change every 30 seconds; try the current one.");
            model.addAttribute("email", user.getUsername());
            return "practice/second-factor";
        }
        completion.complete(user, "password and second factor", request, response);
        return null;
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/signin/second-factor/setup")
    String setupForm(Model model, HttpSession session) {
        SignedInUser user = pendingUser();
        if (user.secondFactorEnrolled()) {
            return "redirect:/signin/second-factor";
        }
        byte[] secret;
        Object sealed = session.getAttribute(PENDING_SECRET);
        if (sealed instanceof byte[] bytes) {
            secret = secrets.open(bytes);
        } else {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secrets.seal(secret));
        }
        String uri = Totp.uri("Carryover", user.getUsername(), secret);
        model.addAttribute("qr", QrCodes.svg(uri));
        model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})", "$1 ").trim());
        model.addAttribute("email", user.getUsername());
        return "practice/second-factor-setup";
    }

    @Access(AccessRule.PUBLIC)
    @PostMapping("/signin/second-factor/setup")
    String confirmSetup(@RequestParam(defaultValue = "") String code, Model model, HttpSession session,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedInUser user = pendingUser();
        Object sealed = session.getAttribute(PENDING_SECRET);
        if (user.secondFactorEnrolled() || !(sealed instanceof byte[] bytes)) {
            return "redirect:/signin/second-factor";
        }
        try {
            throttle.begin(user.getUsername(), request.getRemoteAddr());
        } catch (SignInThrottle.Throttled e) {
            model.addAttribute("error", e.getMessage());
            return setupForm(model, session);
        }
        byte[] secret = secrets.open(bytes);
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            model.addAttribute("error", "That code did not match. Check the time on your phone and try the current code.");
            return setupForm(model, session);
        }
        Account account = account(user);
        accounts.setPendingTotp(account.practiceId(), account.id(), secrets.seal(secret));
        accounts.confirmTotp(account.practiceId(), account.id(), clock.instant(), step.getAsLong());
        session.removeAttribute(PENDING_SECRET);
        audit.record(AuditEntry.by(user.actor(), null, AuditAction.CHANGE, "account", account.id(),
                "second factor set up at sign-in; " + RecoveryCodes.COUNT + " recovery codes made"));
        session.setAttribute(RecoveryCodes.NEW_CODES, recoveryCodes.replace(account.practiceId(), account.id()));
        completion.complete(user, "password and new second factor", request, response, "/settings/recovery-codes/new");
        return null;
    }

    private static SignedInUser pendingUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            throw app.carryover.system.ProblemException.forbidden("Please sign in first.");
        }
        return user;
    }

    private Account account(SignedInUser user) {
        return accounts.find(user.actor().practiceId(), user.actor().accountId()).orElseThrow(
                () -> app.carryover.system.ProblemException.forbidden("Please sign in again."));
    }
}
