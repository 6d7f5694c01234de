package app.carryover.practice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.SecretBox;
import app.carryover.system.Uuids;

/**
 * Creates practices and active accounts directly, for the demo seeder and for operators hosting
 * several practices. Not reachable over the web: people join through setup and invitations.
 */
@Service
public class PracticeProvisioning {

    private final PracticeRepository practices;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SecretBox secrets;
    private final Clock clock;

    PracticeProvisioning(PracticeRepository practices, AccountRepository accounts, PasswordPolicy policy,
            PasswordEncoder encoder, SecretBox secrets, Clock clock) {
        this.practices = practices;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Transactional
    public UUID createPractice(String name, ZoneId zone, boolean demo, boolean requireSecondFactor) {
        Practice practice = new Practice(Uuids.timeOrdered(), name, zone, demo, requireSecondFactor, clock.instant());
        practices.insert(practice);
        return practice.id();
    }

    /** An active account with a password that meets the policy. */
    @Transactional
    public UUID addAccount(UUID practiceId, String email, String displayName, Set<Role> roles, String password) {
        policy.problem(password, email).ifPresent(p -> {
            throw ProblemException.invalid("password", p);
        });
        if (!EmailAddresses.valid(email)) {
            throw ProblemException.invalid("email", "is not a valid e-mail address");
        }
        Account account = new Account(practiceId, Uuids.timeOrdered(), AccountRepository.normalise(email), displayName,
                EnumSet.copyOf(roles), Account.Status.ACTIVE, encoder.encode(password), null, null, null, clock.instant());
        accounts.insert(account);
        return account.id();
    }

    /** Gives an account a confirmed second factor and returns its key in Base32, as an authenticator app takes it. */
    @Transactional
    public String enrollSecondFactor(UUID practiceId, UUID accountId) {
        byte[] secret = Totp.newSecret();
        accounts.setPendingTotp(practiceId, accountId, secrets.seal(secret));
        accounts.confirmTotp(practiceId, accountId, clock.instant(), Totp.step(clock.instant()) - 2);
        return Totp.base32(secret);
    }

    /** The demo practice, if one was seeded. */
    public Optional<UUID> demoPractice() {
        return practices.findDemo().map(Practice::id);
    }

    /** True when the database holds a practice that is not the demo. */
    public boolean hasRealPractice() {
        return practices.countReal() > 0;
    }
}
