package app.carryover.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Role;
import app.carryover.system.ServerSettings;
import app.carryover.system.Uuids;

/**
 * Invitations by e-mailed link: admins invite clinicians and admins, clinicians invite clients
 * (through the caseload, which also creates the client record). The account exists from the
 * invitation on, so its address is reserved; it becomes active when the link is accepted.
 */
@Service
public class Invitations {

    static final Duration LIFETIME = Duration.ofDays(7);

    static final String ADDRESS_HAS_AN_ACCOUNT = "This e-mail address already has a Carryover account. One address"
            + " belongs to one account: sign in with it, or ask the practice that invited you to invite another address"
            + " of yours.";

    /**
     * An invitation made: the new account, and its link when no e-mail could carry it (no mail server
     * is set up), so the inviter can hand it over themselves; null when it was e-mailed.
     */
    public record Sent(UUID accountId, String unsentLink) {
    }

    /** An invitation seen through its link, before it is accepted. */
    record Pending(UUID practiceId, UUID invitationId, Account account, String practiceName) {
    }

    private final AccountRepository accounts;
    private final PracticeRepository practices;
    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String baseUrl;
    private final AuditTrail audit;
    private final app.carryover.system.PracticeFence fence;
    private final app.carryover.system.Texts texts;

    Invitations(AccountRepository accounts, PracticeRepository practices, JdbcClient jdbc, Mailer mailer,
            PasswordPolicy policy, PasswordEncoder encoder, Clock clock, ServerSettings server,
            AuditTrail audit, app.carryover.system.PracticeFence fence, app.carryover.system.Texts texts) {
        this.texts = texts;
        this.fence = fence;
        this.accounts = accounts;
        this.practices = practices;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.policy = policy;
        this.encoder = encoder;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
        this.audit = audit;
    }

    /**
     * Creates an invited account in the inviter's practice and e-mails its link.
     *
     * @return the new account's id, and the link when it could not be e-mailed
     */
    @Transactional
    public Sent invite(Actor inviter, String email, String displayName, Set<Role> roles) {
        return invite(inviter, email, displayName, roles, null);
    }

    /**
     * As {@link #invite(Actor, String, String, Set)}, with the language the person will read Carryover
     * in (its pages, this invitation and later messages); null leaves it to their browser.
     */
    @Transactional
    public Sent invite(Actor inviter, String email, String displayName, Set<Role> roles, java.util.Locale language) {
        checkInviterMayGrant(inviter, roles);
        String normalised = AccountRepository.normalise(email);
        String name = displayName == null ? "" : displayName.trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (!EmailAddresses.valid(normalised)) {
            problems.add(new FieldProblem("email", "is not a valid e-mail address"));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("displayName", "must be 1 to 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        // Only this practice's own accounts are looked at: whether the address has an account elsewhere is
        // not the inviter's to learn (issue 15). The person is told when they open the invitation.
        if (accounts.emailInPractice(inviter.practiceId(), normalised)) {
            throw ProblemException.invalid("email", "already belongs to someone in this practice");
        }
        Instant now = clock.instant();
        Account account = new Account(inviter.practiceId(), Uuids.timeOrdered(), normalised, name,
                EnumSet.copyOf(roles), Account.Status.INVITED, null, null, null, null, now);
        accounts.insert(account);
        if (language != null) {
            accounts.setLanguage(account.practiceId(), account.id(), app.carryover.system.Languages.tag(language));
        }
        String unsent = sendInvitation(inviter, account, now);
        audit.record(AuditEntry.by(inviter, null, AuditAction.CREATE, "account", account.id(),
                "invited as " + roles.stream().map(r -> r.name().toLowerCase()).sorted().toList()
                        + (unsent == null ? "" : UNSENT_NOTE)));
        return new Sent(account.id(), unsent);
    }

    /** Sends a fresh link for an account that has not accepted yet; earlier links stop working. */
    @Transactional
    public Sent resend(Actor inviter, UUID accountId) {
        Account account = accounts.find(inviter.practiceId(), accountId)
                .filter(a -> a.status() == Account.Status.INVITED)
                .orElseThrow(() -> ProblemException.notFound("Invitation"));
        checkInviterMayGrant(inviter, account.roles());
        jdbc.sql("UPDATE invitation SET expires_at = ? WHERE practice_id = ? AND account_id = ? AND accepted_at IS NULL")
                .params(PracticeRepository.ts(clock.instant()), account.practiceId(), account.id()).update();
        String unsent = sendInvitation(inviter, account, clock.instant());
        if (unsent != null) {
            audit.record(AuditEntry.by(inviter, null, AuditAction.CHANGE, "account", account.id(),
                    "invitation link renewed" + UNSENT_NOTE));
        }
        return new Sent(account.id(), unsent);
    }

    /** A client's invitation that was not accepted yet, as their care team sees it. */
    public record Open(String email, Instant sentAt, Instant expiresAt) {
        /** Whether its latest link still works. */
        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** The open invitation of a client account that has not accepted it, if it has one. */
    public Optional<Open> openFor(UUID practiceId, UUID accountId) {
        return accounts.find(practiceId, accountId)
                .filter(a -> a.status() == Account.Status.INVITED && a.roles().equals(Set.of(Role.CLIENT)))
                .flatMap(a -> jdbc.sql("""
                        SELECT created_at, expires_at FROM invitation
                        WHERE practice_id = ? AND account_id = ? AND accepted_at IS NULL
                        ORDER BY created_at DESC, expires_at DESC LIMIT 1""")
                        .params(practiceId, accountId)
                        .query((rs, n) -> new Open(a.email(), rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                        .optional());
    }

    /** The client accounts of a practice that have not accepted their invitation (for the admin's list). */
    public Set<UUID> clientsNotYetAccepted(UUID practiceId) {
        return Set.copyOf(jdbc.sql("SELECT id FROM account WHERE practice_id = ? AND status = 'INVITED'"
                + " AND roles = ARRAY['CLIENT']::text[]").param(practiceId)
                .query(UUID.class).list());
    }

    /**
     * Sends a client who has not accepted a fresh link (earlier links stop working), to a corrected address
     * when one is given. The caseload calls this after checking that the actor may act for the client.
     */
    @Transactional
    public void resendToClient(Actor actor, UUID accountId, String correctedEmail) {
        Account account = pendingClient(actor, accountId);
        String email = correctedEmail == null || correctedEmail.isBlank() ? account.email()
                : AccountRepository.normalise(correctedEmail);
        if (!email.equals(account.email())) {
            if (!EmailAddresses.valid(email)) {
                throw ProblemException.invalid("email", "is not a valid e-mail address");
            }
            if (accounts.emailInPractice(actor.practiceId(), email)) {
                throw ProblemException.invalid("email", "already belongs to someone in this practice");
            }
            jdbc.sql("UPDATE account SET email = ? WHERE practice_id = ? AND id = ? AND status = 'INVITED'")
                    .params(email, account.practiceId(), account.id()).update();
        }
        jdbc.sql("UPDATE invitation SET expires_at = ? WHERE practice_id = ? AND account_id = ? AND accepted_at IS NULL")
                .params(PracticeRepository.ts(clock.instant()), account.practiceId(), account.id()).update();
        Account to = accounts.find(account.practiceId(), account.id()).orElseThrow();
        sendInvitation(actor, to, clock.instant());
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "account", account.id(),
                email.equals(account.email()) ? "client invitation sent again"
                        : "client invitation sent again to a corrected address"));
    }

    /**
     * Withdraws a client's invitation that was not accepted: its links stop working and the invited account
     * is removed, so the address is free again. The caseload removes the client's record first, after
     * checking that the actor may act for the client.
     */
    @Transactional
    public void withdrawFromClient(Actor actor, UUID accountId) {
        Account account = pendingClient(actor, accountId);
        remove(account);
        audit.record(AuditEntry.by(actor, null, AuditAction.DELETE, "account", account.id(),
                "client invitation of " + account.displayName() + " withdrawn"));
    }

    private Account pendingClient(Actor actor, UUID accountId) {
        Account account = accounts.find(actor.practiceId(), accountId)
                .filter(a -> a.roles().equals(Set.of(Role.CLIENT)))
                .orElseThrow(() -> ProblemException.notFound("Invitation"));
        if (account.status() != Account.Status.INVITED) {
            throw ProblemException.conflict("This client accepted the invitation already: there is nothing to send"
                    + " again or withdraw.");
        }
        return account;
    }

    private void remove(Account account) {
        jdbc.sql("DELETE FROM invitation WHERE practice_id = ? AND account_id = ?")
                .params(account.practiceId(), account.id()).update();
        jdbc.sql("DELETE FROM sign_in_link WHERE practice_id = ? AND account_id = ?")
                .params(account.practiceId(), account.id()).update();
        jdbc.sql("DELETE FROM account WHERE practice_id = ? AND id = ? AND status = 'INVITED'")
                .params(account.practiceId(), account.id()).update();
    }

    private static void checkInviterMayGrant(Actor inviter, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.invalid("roles", "choose at least one role");
        }
        if (roles.contains(Role.CLIENT)) {
            if (roles.size() > 1) {
                throw ProblemException.invalid("roles", "a client account cannot also be a staff account");
            }
            if (!inviter.has(Role.CLINICIAN)) {
                throw ProblemException.forbidden("Only clinicians invite clients.");
            }
        } else if (!inviter.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins invite clinicians and admins.");
        }
    }

    /**
     * Without a mail server the link goes to the person who made the invitation, on their page, once:
     * they asked for this account and already decide who gets it, the server's log holds the same
     * link, and it is kept nowhere else (only its hash is stored). Recorded in the audit.
     */
    private static final String UNSENT_NOTE = "; no mail server, so the link was shown to the inviter to hand over";

    /** Stores a new link and e-mails it; answers the link itself when no mail server could send it. */
    private String sendInvitation(Actor inviter, Account account, Instant now) {
        String token = Tokens.newToken();
        jdbc.sql("""
                INSERT INTO invitation (practice_id, id, account_id, token_hash, invited_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(account.practiceId(), Uuids.timeOrdered(), account.id(), Tokens.hash(token),
                        inviter.accountId(), PracticeRepository.ts(now), PracticeRepository.ts(now.plus(LIFETIME)))
                .update();
        String practiceName = practices.find(account.practiceId()).map(Practice::name).orElse("your practice");
        boolean client = account.roles().contains(Role.CLIENT);
        if (client) {
            // A client's invitation speaks their language (chosen by the clinician who invited them).
            java.util.Locale language = accounts.language(account.practiceId(), account.id())
                    .flatMap(app.carryover.system.Languages::of).orElse(app.carryover.system.Languages.ENGLISH);
            mailer.send(account.email(), texts.in(language, "mail.invitation.subject", practiceName),
                    texts.in(language, "mail.invitation.body", account.displayName(), inviter.displayName(),
                            baseUrl + "/invitations/" + token));
            return mailer.sendsMail() ? null : baseUrl + "/invitations/" + token;
        }
        mailer.send(account.email(), "You are invited to Carryover by " + practiceName, """
                Hello %s,

                %s has invited you to Carryover%s.

                Open this link within 7 days to set up your account:

                %s/invitations/%s

                If you were not expecting this, you can ignore this message.
                """.formatted(account.displayName(), inviter.displayName(),
                client ? ", where you will find the practice between your sessions" : " at " + practiceName,
                baseUrl, token));
        return mailer.sendsMail() ? null : baseUrl + "/invitations/" + token;
    }

    /** Whether invitations and sign-in links really leave by e-mail (a mail server is set up). */
    public boolean mailsLinks() {
        return mailer.sendsMail();
    }

    /** The open invitation behind a link, or a 410 when it has expired or was used. */
    Pending open(String token) {
        // Links are found by their hash alone and may be opened in a browser still signed in to
        // another practice: accepting one is not an act of that session's person, so past the fence.
        return fence.unrestricted(() -> openUnfenced(token));
    }

    private Pending openUnfenced(String token) {
        if (!Tokens.wellFormed(token)) {
            throw ProblemException.notFound("Invitation");
        }
        Optional<Object[]> row = jdbc.sql("""
                SELECT practice_id, id, account_id, expires_at, accepted_at FROM invitation WHERE token_hash = ?""")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5)})
                .optional();
        Object[] r = row.orElseThrow(() -> ProblemException.notFound("Invitation"));
        if (r[4] != null || !((Instant) r[3]).isAfter(clock.instant())) {
            throw ProblemException.gone("This invitation link has expired or was already used. "
                    + "Ask your practice to send you a new one.");
        }
        Account account = accounts.find((UUID) r[0], (UUID) r[2]).orElseThrow();
        if (account.status() != Account.Status.INVITED) {
            throw ProblemException.gone("This invitation was already accepted. Please sign in.");
        }
        if (accounts.findByEmail(account.email()).isPresent()) {
            throw ProblemException.conflict(ADDRESS_HAS_AN_ACCOUNT);
        }
        String practiceName = practices.find(account.practiceId()).map(Practice::name).orElse("");
        return new Pending((UUID) r[0], (UUID) r[1], account, practiceName);
    }

    /**
     * Accepts an invitation: sets the password (or, for a client, none: they sign in by e-mailed
     * links) and activates the account. The link is used up in the same transaction.
     */
    @Transactional
    void accept(String token, String password, String confirmation, boolean linksOnly, java.util.Locale browser) {
        fence.unrestricted(() -> acceptUnfenced(token, password, confirmation, linksOnly, browser));
    }

    private void acceptUnfenced(String token, String password, String confirmation, boolean linksOnly,
            java.util.Locale browser) {
        Pending pending = open(token);
        Account account = pending.account();
        String hash = null;
        if (!(linksOnly && account.roles().equals(Set.of(Role.CLIENT)))) {
            Optional<String> problem = policy.problem(password, account.email());
            if (problem.isPresent()) {
                throw ProblemException.invalid("password", problem.get());
            }
            if (!password.equals(confirmation)) {
                throw ProblemException.invalid("confirmation", "does not match the password");
            }
            hash = encoder.encode(password);
        }
        int used = jdbc.sql("UPDATE invitation SET accepted_at = ? WHERE practice_id = ? AND id = ? AND accepted_at IS NULL")
                .params(PracticeRepository.ts(clock.instant()), pending.practiceId(), pending.invitationId()).update();
        if (used != 1) {
            throw ProblemException.gone("This invitation link was already used. Please sign in.");
        }
        try {
            accounts.activate(account.practiceId(), account.id(), hash);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.conflict(ADDRESS_HAS_AN_ACCOUNT);
        }
        if (account.roles().equals(Set.of(Role.CLIENT)) && browser != null) {
            // A client who was not given a language reads Carryover in the one their browser asked for.
            accounts.setLanguageIfNone(account.practiceId(), account.id(), app.carryover.system.Languages.tag(browser));
        }
    }

    /**
     * Withdraws an invitation that was not accepted: its links stop working and the invited account is
     * removed, so the address is free again. Admins withdraw staff invitations.
     */
    @Transactional
    public void withdraw(Actor admin, UUID accountId) {
        Account account = accounts.find(admin.practiceId(), accountId)
                .filter(a -> a.status() == Account.Status.INVITED)
                .orElseThrow(() -> ProblemException.notFound("Invitation"));
        if (!account.isStaff()) {
            throw ProblemException.conflict("A client's invitation is withdrawn from their record.");
        }
        checkInviterMayGrant(admin, account.roles());
        remove(account);
        audit.record(AuditEntry.by(admin, null, AuditAction.DELETE, "account", account.id(),
                "invitation of " + account.displayName() + " withdrawn"));
    }
}
