package app.carryover.practice;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.system.SecretBox;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Account settings: API tokens and setting up a second factor; the admin's list of every token. */
@Controller
class TokenController {

    private static final String PENDING_SECRET = "carryover.settingsTotpSecret";

    private final ApiTokens tokens;
    private final AccountRepository accounts;
    private final SecretBox secrets;
    private final Clock clock;
    private final AuditTrail audit;
    private final RecoveryCodes recoveryCodes;

    TokenController(ApiTokens tokens, AccountRepository accounts, SecretBox secrets, Clock clock, AuditTrail audit,
            RecoveryCodes recoveryCodes) {
        this.audit = audit;
        this.recoveryCodes = recoveryCodes;
        this.tokens = tokens;
        this.accounts = accounts;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/settings/tokens")
    String tokens(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.mine(actor));
        model.addAttribute("now", clock.instant());
        model.addAttribute("hasSecondFactor", accounts.find(actor.practiceId(), actor.accountId())
                .map(Account::hasSecondFactor).orElse(false));
        return "practice/tokens";
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/tokens")
    String create(Actor actor, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "90") Integer days, @RequestParam(defaultValue = "false") boolean readOnly,
            @RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        try {
            ApiTokens.Created created = tokens.create(actor, name, days, readOnly, code);
            model.addAttribute("created", created);
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
        }
        return tokens(actor, model);
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/tokens/{tokenId}/revoke")
    String revoke(Actor actor, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(actor, tokenId);
        redirect.addFlashAttribute("notice", "Token revoked.");
        return actor.has(app.carryover.system.Role.ADMIN) ? "redirect:/admin/tokens" : "redirect:/settings/tokens";
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/tokens")
    String practiceTokens(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.practice(actor));
        model.addAttribute("now", clock.instant());
        return "practice/admin-tokens";
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/settings/second-factor")
    String secondFactor(Actor actor, Model model, HttpSession session) {
        Account account = accounts.find(actor.practiceId(), actor.accountId()).orElseThrow();
        model.addAttribute("enrolled", account.hasSecondFactor());
        if (!account.hasSecondFactor()) {
            byte[] secret = pendingSecret(session);
            model.addAttribute("qr", QrCodes.svg(Totp.uri("Carryover", actor.email(), secret)));
            model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})", "$1 ").trim());
        }
        return "practice/settings-second-factor";
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/second-factor")
    String enroll(Actor actor, @RequestParam(defaultValue = "") String code, Model model, HttpSession session,
            RedirectAttributes redirect, HttpServletResponse response) {
        Account account = accounts.find(actor.practiceId(), actor.accountId()).orElseThrow();
        if (account.hasSecondFactor()) {
            return "redirect:/settings/second-factor";
        }
        byte[] secret = pendingSecret(session);
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            FormErrors.reject(ProblemException.invalid("code", "did not match; check the time on your phone"), model, response);
            return secondFactor(actor, model, session);
        }
        accounts.setPendingTotp(account.practiceId(), account.id(), secrets.seal(secret));
        accounts.confirmTotp(account.practiceId(), account.id(), clock.instant(), step.getAsLong());
        session.removeAttribute(PENDING_SECRET);
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "account", account.id(),
                "second factor set up in settings; " + RecoveryCodes.COUNT + " recovery codes made"));
        model.addAttribute("notice", "Second factor turned on. You will be asked for a code when you sign in.");
        model.addAttribute("codes", recoveryCodes.replace(account.practiceId(), account.id()));
        model.addAttribute("continueTo", "/settings/tokens");
        return "practice/recovery-codes";
    }

    private byte[] pendingSecret(HttpSession session) {
        if (session.getAttribute(PENDING_SECRET) instanceof byte[] sealed) {
            return secrets.open(sealed);
        }
        byte[] secret = Totp.newSecret();
        session.setAttribute(PENDING_SECRET, secrets.seal(secret));
        return secret;
    }
}
