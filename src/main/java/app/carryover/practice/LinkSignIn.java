package app.carryover.practice;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.carryover.system.PracticeFence;
import app.carryover.system.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a client in from a single-use link that another module has already checked and used up (a
 * reminder's "open" link), straight to a page of theirs. Only active client accounts; a client with
 * a second factor is still asked for it. Audited as a sign-in like any other.
 */
@Component
public class LinkSignIn {

    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final SignInCompletion completion;
    private final PracticeFence fence;

    LinkSignIn(AccountRepository accounts, AccountUserDetailsService users, SignInCompletion completion,
            PracticeFence fence) {
        this.accounts = accounts;
        this.users = users;
        this.completion = completion;
        this.fence = fence;
    }

    /**
     * Signs the client in and redirects to {@code localPath} (a path of this application). Returns
     * false, doing nothing, when the account may not sign in this way (disabled, not a client, or
     * protected by a second factor).
     *
     * @param how what the audit says the person signed in with ("a reminder link")
     */
    public boolean signInClient(UUID practiceId, UUID accountId, String how, String localPath,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!localPath.startsWith("/") || localPath.startsWith("//")) {
            throw new IllegalArgumentException("Not a local path: " + localPath);
        }
        // Decides who the request acts for, possibly in a browser signed in to another practice.
        Optional<Account> account = fence.unrestricted(() -> accounts.find(practiceId, accountId))
                .filter(a -> a.status() == Account.Status.ACTIVE && a.roles().equals(Set.of(Role.CLIENT)));
        if (account.isEmpty()) {
            return false;
        }
        SignedInUser user = fence.unrestricted(() -> users.principal(account.get()));
        if (user.secondFactorRequired()) {
            // A link is one factor; whoever set up a second one signs in with both.
            return false;
        }
        completion.complete(user, how, request.getContextPath() + localPath, request, response);
        return true;
    }
}
