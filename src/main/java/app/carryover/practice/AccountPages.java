package app.carryover.practice;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.FormErrors;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The account's life on pages: a person's own password, sessions and recovery codes under Settings →
 * Account; an admin's disable, enable, second-factor reset, roles and withdrawn invitations on the People
 * page. Each admin action answers on the People page, with what happened or why it was not done.
 */
@Controller
class AccountPages {

    private final AccountLifecycle lifecycle;
    private final AccountRepository accounts;
    private final RecoveryCodes recoveryCodes;
    private final Invitations invitations;

    AccountPages(AccountLifecycle lifecycle, AccountRepository accounts, RecoveryCodes recoveryCodes,
            Invitations invitations) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.invitations = invitations;
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/settings/account")
    String account(Actor actor, Model model) {
        Account account = accounts.find(actor.practiceId(), actor.accountId()).orElseThrow();
        model.addAttribute("hasPassword", account.passwordHash() != null);
        model.addAttribute("hasSecondFactor", account.hasSecondFactor());
        model.addAttribute("unusedCodes", recoveryCodes.unused(actor.practiceId(), actor.accountId()));
        return "practice/settings-account";
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/password")
    String changePassword(Actor actor, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(defaultValue = "") String code, Model model, HttpSession session, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            session.setAttribute(SessionGuard.GENERATION, lifecycle.changePassword(actor, current, password,
                    confirmation, code));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return account(actor, model);
        }
        redirect.addFlashAttribute("notice", "Password changed. Every other place you were signed in is signed out.");
        return "redirect:/settings/account";
    }

    /** Ends every session, this one too, and says so on a page of its own (this browser is signed out). */
    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/sign-out-everywhere")
    String signOutEverywhere(Actor actor, HttpServletRequest request, Model model) {
        lifecycle.signOutEverywhere(actor);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        model.addAttribute("actor", null);
        return "practice/signed-out-everywhere";
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping("/settings/recovery-codes")
    String newRecoveryCodes(Actor actor, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("codes", lifecycle.newRecoveryCodes(actor, code));
        } catch (ProblemException e) {
            FormErrors.reject(e, model, response);
            return account(actor, model);
        }
        return "practice/recovery-codes";
    }

    /** The codes made when a second factor was just set up, shown this once. */
    @Access(AccessRule.SIGNED_IN)
    @GetMapping("/settings/recovery-codes/new")
    String newCodes(Model model, HttpSession session) {
        Object codes = session.getAttribute(RecoveryCodes.NEW_CODES);
        if (!(codes instanceof List<?> list) || list.isEmpty()) {
            return "redirect:/settings/account";
        }
        session.removeAttribute(RecoveryCodes.NEW_CODES);
        model.addAttribute("codes", list);
        model.addAttribute("continueTo", "/");
        return "practice/recovery-codes";
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/disable")
    String disable(Actor actor, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return answer(redirect, () -> lifecycle.disable(actor, accountId),
                "Account disabled: it cannot sign in, its sessions have ended and its API tokens are revoked.");
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/enable")
    String enable(Actor actor, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return answer(redirect, () -> lifecycle.enable(actor, accountId),
                "Account enabled again. Earlier sessions and API tokens stay ended.");
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/reset-second-factor")
    String resetSecondFactor(Actor actor, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return answer(redirect, () -> lifecycle.resetSecondFactor(actor, accountId),
                "Second factor reset: they set up a new one at their next sign-in.");
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/roles")
    String roles(Actor actor, @PathVariable UUID accountId, @RequestParam(required = false) List<String> roles,
            RedirectAttributes redirect) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(r -> "ADMIN".equals(r) || "CLINICIAN".equals(r)).map(Role::valueOf).forEach(granted::add);
        }
        return answer(redirect, () -> lifecycle.changeRoles(actor, accountId, granted),
                "Roles saved; they apply from the person's next click.");
    }

    @Access(AccessRule.ADMIN)
    @PostMapping("/admin/people/{accountId}/withdraw")
    String withdraw(Actor actor, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return answer(redirect, () -> invitations.withdraw(actor, accountId),
                "Invitation withdrawn: its link no longer works.");
    }

    private static String answer(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ProblemException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/people";
    }
}
