package app.carryover.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.carryover.system.Role;

/** The one place that knows the account table. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account a) {
        jdbc.sql("""
                INSERT INTO account (practice_id, id, email, display_name, roles, status, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(a.practiceId(), a.id(), a.email(), a.displayName(), rolesLiteral(a.roles()), a.status().name(),
                        a.passwordHash(), PracticeRepository.ts(a.createdAt()))
                .update();
    }

    /** The account that signs in with this address (an invitation not yet accepted does not). */
    Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM account WHERE email = ? AND status <> 'INVITED'").param(normalise(email))
                .query(AccountRepository::map).optional();
    }

    Optional<Account> find(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM account WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(AccountRepository::map).optional();
    }

    List<Account> withRole(UUID practiceId, Role role) {
        return jdbc.sql("SELECT * FROM account WHERE practice_id = ? AND ? = ANY (roles) ORDER BY display_name")
                .params(practiceId, role.name()).query(AccountRepository::map).list();
    }

    /**
     * Whether any account of the installation has this address. Addresses are unique across
     * practices, so this looks past the practice fence, through a database function (V24) that
     * answers only yes or no.
     */
    boolean emailTaken(String email) {
        return jdbc.sql("SELECT account_email_taken(?)").param(normalise(email)).query(Boolean.class).single();
    }

    /** Whether an account of this practice (invited or not) has this address. */
    boolean emailInPractice(UUID practiceId, String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE practice_id = ? AND email = ?)")
                .params(practiceId, normalise(email)).query(Boolean.class).single();
    }

    void activate(UUID practiceId, UUID id, String passwordHash) {
        jdbc.sql("UPDATE account SET status = 'ACTIVE', password_hash = ? WHERE practice_id = ? AND id = ?")
                .params(passwordHash, practiceId, id).update();
    }

    void setPassword(UUID practiceId, UUID id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ? WHERE practice_id = ? AND id = ?")
                .params(passwordHash, practiceId, id).update();
    }

    void setStatus(UUID practiceId, UUID id, Account.Status status) {
        jdbc.sql("UPDATE account SET status = ? WHERE practice_id = ? AND id = ?")
                .params(status.name(), practiceId, id).update();
    }

    void setRoles(UUID practiceId, UUID id, Set<Role> roles) {
        jdbc.sql("UPDATE account SET roles = ?::text[] WHERE practice_id = ? AND id = ?")
                .params(rolesLiteral(roles), practiceId, id).update();
    }

    /** Stores a new, not yet confirmed second-factor key (sealed). */
    void setPendingTotp(UUID practiceId, UUID id, byte[] sealedSecret) {
        jdbc.sql("UPDATE account SET totp_secret = ?, totp_confirmed_at = NULL, totp_last_step = NULL "
                + "WHERE practice_id = ? AND id = ?").params(sealedSecret, practiceId, id).update();
    }

    void confirmTotp(UUID practiceId, UUID id, Instant at, long step) {
        jdbc.sql("UPDATE account SET totp_confirmed_at = ?, totp_last_step = ?, must_enrol_second_factor = false"
                + " WHERE practice_id = ? AND id = ?")
                .params(PracticeRepository.ts(at), step, practiceId, id).update();
    }

    /**
     * Records the time step of an accepted code, only if it is later than the last one, so a code
     * can never be used twice; false when another request used this step first.
     */
    boolean useTotpStep(UUID practiceId, UUID id, long step) {
        return jdbc.sql("UPDATE account SET totp_last_step = ? WHERE practice_id = ? AND id = ? "
                + "AND (totp_last_step IS NULL OR totp_last_step < ?)")
                .params(step, practiceId, id, step).update() == 1;
    }

    void signedIn(UUID practiceId, UUID id, Instant at) {
        jdbc.sql("UPDATE account SET last_sign_in_at = ? WHERE practice_id = ? AND id = ?")
                .params(PracticeRepository.ts(at), practiceId, id).update();
    }

    /** The language the person reads Carryover in ("en", "es"), if they have one. */
    Optional<String> language(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT language FROM account WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(String.class).optional();
    }

    void setLanguage(UUID practiceId, UUID id, String language) {
        jdbc.sql("UPDATE account SET language = ? WHERE practice_id = ? AND id = ?").params(language, practiceId, id).update();
    }

    /** Sets the language only where none is stored yet (the browser's, when an invitation is accepted). */
    void setLanguageIfNone(UUID practiceId, UUID id, String language) {
        jdbc.sql("UPDATE account SET language = ? WHERE practice_id = ? AND id = ? AND language IS NULL")
                .params(language, practiceId, id).update();
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String rolesLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        String[] roleNames = (String[]) rs.getArray("roles").getArray();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(roleNames).map(Role::valueOf).forEach(roles::add);
        java.sql.Timestamp confirmed = rs.getTimestamp("totp_confirmed_at");
        Long lastStep = rs.getObject("totp_last_step", Long.class);
        return new Account(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("email"), rs.getString("display_name"), roles,
                Account.Status.valueOf(rs.getString("status")), rs.getString("password_hash"),
                rs.getBytes("totp_secret"), confirmed == null ? null : confirmed.toInstant(),
                lastStep, rs.getTimestamp("created_at").toInstant(),
                rs.getInt("session_generation"),
                rs.getBoolean("must_enrol_second_factor"));
    }
}
