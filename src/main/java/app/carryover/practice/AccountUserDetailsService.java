package app.carryover.practice;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import app.carryover.system.Actor;
import app.carryover.system.Role;

/** Loads the account behind an e-mail address for sign-in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final PracticeRepository practices;
    private final ObjectProvider<ClientAccounts> clientAccounts;

    private final app.carryover.system.PracticeFence fence;

    AccountUserDetailsService(AccountRepository accounts, PracticeRepository practices,
            ObjectProvider<ClientAccounts> clientAccounts, app.carryover.system.PracticeFence fence) {
        this.fence = fence;
        this.accounts = accounts;
        this.practices = practices;
        this.clientAccounts = clientAccounts;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        // Sign-in finds the account by its installation-wide address, whoever this session was
        // signed in as before: it decides who the request acts for, so it looks past the fence.
        return fence.unrestricted(() -> {
            Account account = accounts.findByEmail(email)
                    .orElseThrow(() -> new UsernameNotFoundException("No such account"));
            return principal(account);
        });
    }

    SignedInUser principal(Account account) {
        Practice practice = practices.find(account.practiceId()).orElseThrow();
        UUID clientId = null;
        if (account.roles().contains(Role.CLIENT)) {
            ClientAccounts lookup = clientAccounts.getIfAvailable();
            clientId = lookup == null ? null : lookup.clientOf(account.practiceId(), account.id()).orElse(null);
        }
        Actor actor = new Actor(account.practiceId(), account.id(), account.email(), account.displayName(),
                account.roles(), clientId, false);
        boolean secondFactorRequired = account.hasSecondFactor() || account.mustEnrolSecondFactor()
                || (account.isStaff() && practice.requireSecondFactor());
        return new SignedInUser(actor, account.passwordHash(), account.status() == Account.Status.ACTIVE,
                secondFactorRequired, account.hasSecondFactor());
    }
}
