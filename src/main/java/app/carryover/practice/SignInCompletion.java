package app.carryover.practice;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What happens once a first factor (password or one-time link) has passed: either the person is
 * asked for their second factor, holding only a "pending" authority until then, or they are
 * signed in fully with a fresh session id.
 */
@Component
class SignInCompletion implements AuthenticationSuccessHandler {

    private final SecurityContextRepository contexts;
    private final SignInThrottle throttle;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final RequestCache requests = new HttpSessionRequestCache();

    SignInCompletion(SecurityContextRepository contexts, SignInThrottle throttle, AccountRepository accounts,
            AuditTrail audit, Clock clock) {
        this.contexts = contexts;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignedInUser user = (SignedInUser) authentication.getPrincipal();
        request.getSession().setAttribute(SessionGuard.SIGNED_IN_AT, clock.instant());
        request.getSession().setAttribute(SessionGuard.GENERATION, accounts.find(user.actor().practiceId(),
                user.actor().accountId()).map(Account::sessionGeneration).orElse(0));
        if (user.secondFactorRequired()) {
            store(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    List.of(new SimpleGrantedAuthority(SignedInUser.PENDING_SECOND_FACTOR))), request, response);
            response.sendRedirect(request.getContextPath()
                    + (user.secondFactorEnrolled() ? "/signin/second-factor" : "/signin/second-factor/setup"));
            return;
        }
        complete(user, "password or link", request, response);
    }

    /** Signs the person in fully: new session id, full authorities, failures forgotten. */
    void complete(SignedInUser user, String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        complete(user, method, request, response, null);
    }

    /** As above, then to {@code next} when given (the new recovery codes) instead of the page asked for. */
    void complete(SignedInUser user, String method, HttpServletRequest request, HttpServletResponse response,
            String next) throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = next != null ? request.getContextPath() + next
                : saved != null && saved.getRedirectUrl() != null && isLocal(saved.getRedirectUrl(), request)
                ? saved.getRedirectUrl() : request.getContextPath() + "/";
        complete(user, method, target, request, response);
    }

    /** Signs the person in fully and sends them to a page of this application (an account no longer active is refused). */
    void complete(SignedInUser user, String method, String target, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        java.util.Optional<Account> account = accounts.find(user.actor().practiceId(), user.actor().accountId())
                .filter(a -> a.status() == Account.Status.ACTIVE);
        if (account.isEmpty()) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/signin?error");
            return;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SessionGuard.SIGNED_IN_AT, clock.instant());
        request.getSession().setAttribute(SessionGuard.GENERATION, account.get().sessionGeneration());
        store(UsernamePasswordAuthenticationToken.authenticated(user, null,
                SignedInUser.fullAuthorities(user.actor())), request, response);
        throttle.clear(user.getUsername());
        // The pages of a client who chose a language speak it from now on (system.LanguageResolver).
        accounts.language(user.actor().practiceId(), user.actor().accountId())
                .ifPresent(tag -> request.getSession().setAttribute(app.carryover.system.Languages.SESSION_ATTRIBUTE, tag));
        accounts.signedIn(user.actor().practiceId(), user.actor().accountId(), clock.instant());
        audit.record(AuditEntry.by(user.actor(), null, AuditAction.SIGN_IN, "account", user.actor().accountId(),
                "signed in with " + method));
        response.sendRedirect(target);
    }

    private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static boolean isLocal(String url, HttpServletRequest request) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
