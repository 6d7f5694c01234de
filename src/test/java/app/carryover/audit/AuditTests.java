package app.carryover.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.Superuser;
import app.carryover.testing.WebSession;

/** The audit records each read and sign-in, refuses changes, and proves its chain intact or broken. */
@CarryoverTest
class AuditTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog log;
    @Autowired
    AuditTrail trail;

    Clinic clinic;
    TestPractice practice;

    @BeforeEach
    void practice(Clinic clinic) {
        this.clinic = clinic;
        practice = clinic.practice();
    }

    List<String> rowsFor(java.util.UUID actor) {
        return jdbc.sql("SELECT action || ' ' || subject FROM audit_event WHERE practice_id = ? AND actor_id = ? ORDER BY seq")
                .params(practice.id(), actor).query(String.class).list();
    }

    @Test
    void signInsAndReadsAreRecordedWithWhoWhatAndFromWhere() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        clinician.perform(get("/api/v1/clients/" + practice.client().clientId()));
        assertThat(rowsFor(practice.clinician().accountId())).contains("SIGN_IN account", "READ client record");
        String address = jdbc.sql("SELECT address FROM audit_event WHERE practice_id = ? AND actor_id = ? AND action = 'READ'")
                .params(practice.id(), practice.clinician().accountId()).query(String.class).list().get(0);
        assertThat(address).isEqualTo("127.0.0.1");
    }

    @Test
    void refusedReadsAreRecordedToo() throws Exception {
        WebSession other = clinic.signIn(practice.otherClinician());
        MvcResult refused = other.perform(get("/api/v1/clients/" + practice.client().clientId()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(rowsFor(practice.otherClinician().accountId())).contains("ACCESS_DENIED client record");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() {
        trail.record(AuditEntry.by(practice.admin().actor(), null, AuditAction.SETTINGS, "practice settings", null, "a row"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'edited' WHERE practice_id = ?")
                .param(practice.id()).update()).rootCause().hasMessageContaining("never changed or removed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE practice_id = ?").param(practice.id()).update())
                .rootCause().hasMessageContaining("never changed or removed");
    }

    @Test
    void verificationFindsARowAlteredBehindTheTriggersBack() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        clinic.signIn(practice.clinician()).perform(get("/api/v1/clients/" + practice.client().clientId()));
        assertThat(log.verify(practice.admin().actor()).intact()).isTrue();
        assertThat(admin.perform(get("/admin/audit/verify")).getResponse().getContentAsString()).contains("Intact");

        long seq = jdbc.sql("SELECT max(seq) FROM audit_event WHERE practice_id = ? AND action = 'READ'")
                .param(practice.id()).query(Long.class).single();
        Superuser.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                "UPDATE audit_event SET subject = 'nothing to see' WHERE practice_id = '" + practice.id() + "' AND seq = " + seq,
                "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");

        AuditLog.Verification result = log.verify(practice.admin().actor());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        assertThat(result.problem()).contains("altered");
        assertThat(admin.perform(get("/admin/audit/verify")).getResponse().getContentAsString()).contains("Broken");
    }

    @Test
    void aReadIsRefusedWhenItsAuditRowCannotBeWritten() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        String client = practice.client().clientId().toString();
        Superuser.execute("""
                CREATE FUNCTION refuse_audit_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.client_id = '%s' THEN RAISE EXCEPTION 'audit storage failed'; END IF; RETURN NEW; END $$
                """.formatted(client),
                "CREATE TRIGGER refuse_audit_for_test BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit_for_test()");
        try {
            MvcResult read = clinician.perform(get("/api/v1/clients/" + client));
            assertThat(read.getResponse().getStatus()).isEqualTo(503);
            assertThat(read.getResponse().getContentAsString()).doesNotContain(practice.client().name())
                    .contains("audit could not record");
        } finally {
            Superuser.execute("DROP TRIGGER refuse_audit_for_test ON audit_event", "DROP FUNCTION refuse_audit_for_test()");
        }
    }

    @Test
    void aReadAfterAChangeInOneTransactionIsRecordedWithoutWaitingOnItself() {
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        var access = context.getBean(app.carryover.caseload.ClientAccess.class);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                transactions.executeWithoutResult(status -> {
                    access.change(practice.clinician().actor(), practice.client().clientId(), "goals");
                    access.read(practice.clinician().actor(), practice.client().clientId(), "goals");
                }));
        assertThat(rowsFor(practice.clinician().accountId())).contains("CHANGE goals", "READ goals");
        assertThat(log.verify(practice.admin().actor()).intact()).isTrue();
    }

    @Test
    void aPageThatReadsAClientSeveralTimesLeavesOneReadRowNamingTheRequest() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND action = 'READ'")
                .param(practice.id()).query(Long.class).single();
        clinician.perform(get("/clients/" + practice.client().clientId()));
        List<String> rows = jdbc.sql("SELECT subject || ' | ' || detail FROM audit_event WHERE practice_id = ? AND action = 'READ' "
                + "ORDER BY seq OFFSET ?").params(practice.id(), before).query(String.class).list();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("GET /clients/" + practice.client().clientId());
    }

    @Test
    void adminsBrowseTheAuditWithFiltersAndOthersCannot() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        clinician.perform(get("/api/v1/clients/" + practice.client().clientId()));
        WebSession admin = clinic.signIn(practice.admin());
        String page = admin.perform(get("/admin/audit").param("client", practice.client().clientId().toString())
                .param("action", "READ")).getResponse().getContentAsString();
        assertThat(page).contains("Chris Primary").contains("client record");
        MvcResult json = admin.perform(get("/api/v1/audit").param("actorId", practice.clinician().accountId().toString()));
        assertThat(json.getResponse().getContentAsString()).contains("\"action\":\"SIGN_IN\"");
        assertThat(clinician.perform(get("/api/v1/audit")).getResponse().getStatus()).isEqualTo(403);
        assertThat(clinician.perform(get("/admin/audit")).getResponse().getStatus()).isEqualTo(403);
    }
}
