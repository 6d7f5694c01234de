package app.carryover.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.WebSession;

@CarryoverTest
class ConsentAndDischargeTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Consents consents;

    Clinic clinic;
    TestPractice practice;

    @BeforeEach
    void practice(Clinic clinic) {
        this.clinic = clinic;
        practice = clinic.practice();
    }

    @Test
    void consentRecordsWhichVersionWhenAndFromWhere() throws Exception {
        String row = jdbc.sql("SELECT kind || ' v' || version || ' ' || given FROM consent_decision WHERE practice_id = ? AND client_id = ?")
                .params(practice.id(), practice.client().clientId()).query(String.class).single();
        assertThat(row).isEqualTo("TERMS v1 true");
    }

    @Test
    void aNewVersionOfTheTermsIsAcceptedAtTheNextVisit() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        admin.perform(post("/admin/terms").param("body", "Our new terms.\n\nSecond paragraph."));
        WebSession client = clinic.signIn(practice.client());
        assertThat(client.perform(get("/today")).getResponse().getRedirectedUrl()).isEqualTo("/consent");
        String page = client.perform(get("/consent")).getResponse().getContentAsString();
        assertThat(page).contains("Your practice updated its terms").contains("Our new terms.").contains("Version 2");
        MvcResult refused = client.perform(post("/consent"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        client.perform(post("/consent").param("accept", "true"));
        assertThat(client.perform(get("/today")).getResponse().getStatus()).isEqualTo(200);
        assertThat(consents.decisions(practice.id(), practice.client().clientId()).get(ConsentKind.TERMS).version()).isEqualTo(2);
    }

    @Test
    void apiCallsOfAClientWithoutConsentAreRefusedWithAProblem() throws Exception {
        WebSession admin = clinic.signIn(practice.admin());
        admin.perform(post("/admin/terms").param("body", "Version two."));
        WebSession client = clinic.signIn(practice.otherClient());
        MvcResult today = client.perform(get("/api/v1/me/consents"));
        assertThat(today.getResponse().getStatus()).isEqualTo(200);
        assertThat(today.getResponse().getContentAsString()).contains("\"acceptedCurrentTerms\":false");
    }

    @Test
    void withdrawingTheTermsStopsContactAndFlagsTheClientToTheirClinicians() throws Exception {
        consents.decide(practice.client().actor(), ConsentKind.EMAIL_MESSAGES, true);
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES)).isTrue();
        WebSession client = clinic.signIn(practice.client());
        String asked = client.perform(post("/settings/privacy").param("kind", "TERMS").param("given", "false"))
                .getResponse().getContentAsString();
        assertThat(asked).as("withdrawing asks first, saying what it does")
                .contains("Withdraw your consent to: Terms of use and data processing?")
                .contains("You will not be able to use Today").contains("Yes, withdraw").contains("No, keep my consent");
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES))
                .as("nothing withdrawn before the client confirms").isTrue();
        client.perform(post("/settings/privacy").param("kind", "TERMS").param("given", "false").param("confirmed", "true"));
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES)).isFalse();
        assertThat(client.perform(get("/today")).getResponse().getRedirectedUrl()).isEqualTo("/consent");
        assertThat(client.perform(get("/consent")).getResponse().getContentAsString())
                .contains("You withdrew your consent").contains("you withdrew your consent to the terms of use")
                .doesNotContain("Your practice updated its terms");
        String caseload = clinic.signIn(practice.clinician()).perform(get("/caseload")).getResponse()
                .getContentAsString();
        assertThat(caseload).contains("withdrew consent");
    }

    @Test
    void messagesNeedTheirOwnConsentAndTheTermsFirst() {
        assertThat(consents.mayContact(practice.id(), practice.otherClient().clientId(), ConsentKind.EMAIL_MESSAGES)).isFalse();
        assertThat(consents.mayAnalyseTranscripts(practice.id(), practice.otherClient().clientId())).isFalse();
        consents.decide(practice.otherClient().actor(), ConsentKind.TRANSCRIPT_ANALYSIS, true);
        assertThat(consents.mayAnalyseTranscripts(practice.id(), practice.otherClient().clientId())).isTrue();
    }

    @Test
    void dischargeClosesTheRecordAndReadmissionReopensIt() throws Exception {
        consents.decide(practice.client().actor(), ConsentKind.EMAIL_MESSAGES, true);
        WebSession clinician = clinic.signIn(practice.clinician());
        String asked = clinician.perform(post("/clients/" + practice.client().clientId() + "/discharge")
                .param("note", "Goals met")).getResponse().getContentAsString();
        assertThat(asked).as("discharge asks first, saying what it does").contains("Discharge Kim Client?")
                .contains("Open homework is closed").contains("Yes, discharge Kim Client").contains("Goals met");
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES))
                .as("nothing happens before the clinician confirms").isTrue();
        clinician.perform(post("/clients/" + practice.client().clientId() + "/discharge").param("note", "Goals met")
                .param("confirmed", "true"));
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES)).isFalse();

        WebSession client = clinic.signIn(practice.client());
        assertThat(client.perform(get("/today")).getResponse().getRedirectedUrl()).isEqualTo("/closed");
        assertThat(client.perform(get("/closed")).getResponse().getContentAsString()).contains("come to an end");

        WebSession supervisor = clinic.signIn(practice.supervisor());
        MvcResult supervisorReadmit = supervisor.perform(post("/clients/" + practice.client().clientId() + "/readmit"));
        assertThat(supervisorReadmit.getResponse().getStatus()).isEqualTo(403);

        clinician.perform(post("/clients/" + practice.client().clientId() + "/readmit"));
        assertThat(client.perform(get("/today")).getResponse().getStatus()).isEqualTo(200);
        assertThat(consents.mayContact(practice.id(), practice.client().clientId(), ConsentKind.EMAIL_MESSAGES)).isTrue();
    }
}
