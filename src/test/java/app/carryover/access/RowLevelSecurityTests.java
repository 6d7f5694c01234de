package app.carryover.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.system.Actor;
import app.carryover.system.PracticeFence;
import app.carryover.system.SignedIn;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * Row-level security, the second fence under the service-layer checks: while a fully signed-in
 * person is being served, the database itself shows and accepts only their practice's rows, even
 * to a query that forgot its practice_id filter.
 */
@CarryoverTest
class RowLevelSecurityTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PracticeFence fence;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    TestPractice a;
    TestPractice b;

    @BeforeEach
    void practices() {
        a = Fixtures.practice(context);
        b = Fixtures.practice(context);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    @Test
    void everyTableWithAPracticeIdIsFencedAndTheRoleCannotBypassIt() {
        List<Map<String, Object>> tables = jdbc.sql("""
                SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                       EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                               AND p.policyname = 'practice_fence' AND p.cmd = 'ALL' AND p.permissive = 'PERMISSIVE'
                               AND p.qual LIKE '%carryover.practice_id%' AND p.with_check LIKE '%carryover.practice_id%') AS policy
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute att ON att.attrelid = c.oid AND att.attname = 'practice_id' AND NOT att.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                ORDER BY c.relname""").query().listOfRows();
        assertThat(tables).as("tables with practice_id").hasSizeGreaterThan(25);
        assertThat(tables).filteredOn(t -> !(Boolean) t.get("enabled") || !(Boolean) t.get("forced") || !(Boolean) t.get("policy"))
                .as("tables with practice_id but without an enabled, forced practice_fence policy").isEmpty();
        // one and the same expression on every table, so no table's policy can quietly differ (say, "OR true")
        assertThat(jdbc.sql("SELECT DISTINCT qual || ' | ' || with_check FROM pg_policies WHERE schemaname = 'public' "
                + "AND policyname = 'practice_fence'").query(String.class).list()).singleElement().asString()
                .contains("(practice_id = ( SELECT (NULLIF(current_setting('carryover.practice_id'::text, true), ''::text))::uuid")
                .doesNotContainIgnoringCase("true)) OR true");
        assertThat(jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).as("the application role bypasses row-level security").isFalse();
        // Other policies may only widen reading (the built-in worksheets), never writing.
        assertThat(jdbc.sql("SELECT tablename || ' ' || policyname || ' ' || cmd FROM pg_policies "
                + "WHERE schemaname = 'public' AND policyname <> 'practice_fence' ORDER BY 1").query(String.class).list())
                .containsExactly("worksheet built_in_worksheets_readable SELECT",
                        "worksheet_version built_in_worksheets_readable SELECT");
    }

    @Test
    void aSignedInPersonsQueriesSeeAndWriteOnlyTheirPractice() {
        long aClients = countClients(a.id());
        assertThat(aClients).isEqualTo(2);
        long all = jdbc.sql("SELECT count(*) FROM client").query(Long.class).single();
        assertThat(countClients(b.id())).as("outside any request both practices are visible").isEqualTo(2);

        as(a.clinician().actor(), () -> {
            assertThat(jdbc.sql("SELECT count(*) FROM client").query(Long.class).single())
                    .as("an unfiltered count inside practice A's request").isEqualTo(aClients);
            assertThat(countClients(b.id())).as("practice B's clients seen from A").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM account WHERE practice_id = ?").param(b.id()).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("UPDATE client SET display_name = 'Renamed' WHERE practice_id = ?").param(b.id()).update())
                    .as("rows of B cannot be changed from A").isZero();
            assertThatThrownBy(() -> insertTeamMember(b)).isInstanceOf(DataAccessException.class).rootCause()
                    .hasMessageContaining("row-level security");
            // The same inside a transaction (one connection for all statements).
            transactions.executeWithoutResult(tx -> {
                assertThat(jdbc.sql("SELECT count(*) FROM client").query(Long.class).single()).isEqualTo(aClients);
                assertThatThrownBy(() -> insertTeamMember(b)).isInstanceOf(DataAccessException.class).rootCause()
                        .hasMessageContaining("row-level security");
                tx.setRollbackOnly();
            });
            // The built-in worksheets (no practice) stay readable.
            assertThat(jdbc.sql("SELECT count(*) FROM worksheet WHERE built_in").query(Long.class).single()).isPositive();
            // The one explicit way past the fence, also on a transaction's connection.
            assertThat(fence.unrestricted(() -> countClients(b.id()))).isEqualTo(2);
            transactions.executeWithoutResult(tx -> {
                assertThat(countClients(b.id())).isZero();
                assertThat(fence.unrestricted(() -> countClients(b.id()))).isEqualTo(2);
                assertThat(countClients(b.id())).as("fenced again after the unrestricted scope").isZero();
                tx.setRollbackOnly();
            });
            // The scope's transaction-local lift ends with the transaction; the pooled connection is fenced again.
            transactions.executeWithoutResult(tx -> assertThat(fence.unrestricted(() -> countClients(b.id()))).isEqualTo(2));
            for (int i = 0; i < 20; i++) {
                assertThat(countClients(b.id())).isZero();
                transactions.executeWithoutResult(tx -> assertThat(countClients(b.id())).isZero());
            }
            assertThat(jdbc.sql("SELECT account_email_taken(?)").param(b.admin().email()).query(Boolean.class).single()).isTrue();
            assertThat(countClients(b.id())).as("fenced again after account_email_taken").isZero();
            // inside a transaction the function's lift is transaction-local: it must put the fence back itself
            transactions.executeWithoutResult(tx -> {
                assertThat(jdbc.sql("SELECT account_email_taken(?)").param(b.admin().email()).query(Boolean.class).single())
                        .isTrue();
                assertThat(countClients(b.id())).as("fenced again within the transaction that asked").isZero();
            });
            return null;
        });

        as(b.clinician().actor(), () -> {
            assertThat(countClients(a.id())).as("a pooled connection never keeps A's practice").isZero();
            assertThat(countClients(b.id())).isEqualTo(2);
            return null;
        });

        // Outside any signed-in person, both are visible again, and the insert would be accepted.
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Long.class).single()).isGreaterThanOrEqualTo(all);
        assertThat(countClients(b.id())).isEqualTo(2);
        transactions.executeWithoutResult(tx -> {
            assertThat(insertTeamMember(b)).isEqualTo(1);
            tx.setRollbackOnly();
        });
    }

    @Test
    void aPersonNotFullySignedInIsNotFenced() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                (SignedIn) () -> a.clinician().actor(), null, List.of(new SimpleGrantedAuthority("PENDING_SECOND_FACTOR"))));
        assertThat(countClients(b.id())).isEqualTo(2);
    }

    @Test
    void anAdminInvitingAnAddressOfAnotherPracticeLearnsNothingAndTouchesNothingThere() throws Exception {
        // Issue 15 item 3: "already belongs to an account" told practice A that B has this person. The invitation
        // is now made in A like any other; B's account is untouched; the invitee learns why when opening it.
        WebSession admin = WebSession.signIn(mvc, a.admin(), clock);
        MvcResult invited = admin.perform(post("/api/v1/staff/invitations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + b.clinician().email() + "\",\"displayName\":\"Dup\",\"roles\":[\"CLINICIAN\"]}"));
        assertThat(invited.getResponse().getStatus()).isEqualTo(201);
        assertThat(invited.getResponse().getContentAsString()).doesNotContain(b.id().toString());
        assertThat(jdbc.sql("SELECT practice_id::text || ' ' || status || ' ' || display_name FROM account WHERE email = ?"
                + " ORDER BY status").param(b.clinician().email()).query(String.class).list())
                .containsExactly(b.id() + " ACTIVE Chris Primary", a.id() + " INVITED Dup");
    }

    @Test
    void signingInOverASessionOfAnotherPracticeFindsTheNewAccount() throws Exception {
        WebSession browser = WebSession.signIn(mvc, a.clinician(), clock);
        assertThat(browser.perform(get("/caseload")).getResponse().getContentAsString()).contains("Kim Client");
        MvcResult first = browser.perform(post("/signin").param("email", b.admin().email()).param("password", Fixtures.PASSWORD));
        assertThat(first.getResponse().getRedirectedUrl()).as("the password of B's admin was accepted")
                .endsWith("/signin/second-factor");
    }

    @Test
    void anInvitationOfAnotherPracticeCanBeAcceptedInABrowserStillSignedIn() throws Exception {
        WebSession inviter = WebSession.signIn(mvc, b.admin(), clock);
        String email = "invited-over-" + b.id() + "@example.org";
        inviter.perform(post("/admin/people/invite").param("displayName", "Ivo Invited").param("email", email)
                .param("roles", "CLINICIAN"));
        String link = app.carryover.testing.Mailbox.link(app.carryover.testing.Mailbox.latestTo(email), "/invitations/");
        WebSession browser = WebSession.signIn(mvc, a.clinician(), clock);
        assertThat(browser.perform(get(link)).getResponse().getContentAsString()).contains("Welcome, Ivo Invited");
        MvcResult accepted = browser.perform(post(link).param("password", "paper boats on a quiet pond")
                .param("confirmation", "paper boats on a quiet pond"));
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/signin?welcome");
        assertThat(jdbc.sql("SELECT status FROM account WHERE practice_id = ? AND email = ?").params(b.id(), email)
                .query(String.class).single()).isEqualTo("ACTIVE");
    }

    private long countClients(UUID practiceId) {
        return jdbc.sql("SELECT count(*) FROM client WHERE practice_id = ?").param(practiceId).query(Long.class).single();
    }

    private int insertTeamMember(TestPractice practice) {
        return jdbc.sql("""
                INSERT INTO care_team_member (practice_id, client_id, clinician_id, team_role, added_at)
                VALUES (?, ?, ?, 'CO_THERAPIST', ?)""")
                .params(practice.id(), practice.client().clientId(), practice.otherClinician().accountId(),
                        Timestamp.from(Instant.now()))
                .update();
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                (SignedIn) () -> actor, null, List.of(new SimpleGrantedAuthority(SignedIn.FULLY_SIGNED_IN))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
