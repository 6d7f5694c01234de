package app.carryover.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.Person;
import app.carryover.testing.PracticeYear;
import app.carryover.testing.StatementCounter;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import ca.uhn.fhir.context.FhirContext;

/**
 * What one {@code Patient/{id}/$everything} call asks of the database, counted on the request's thread
 * (as {@code RequestCostTests} does for the pages): the same fixed number of statements for a record of two
 * weeks and one of ten, one audit row naming the record read, and no row per resource once the resources
 * have been served before.
 */
@CarryoverTest
class EverythingCostTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    FhirContext fhir;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Call(MockHttpServletResponse response, StatementCounter.Counts counts) {
    }

    private Call everything(UUID client, String token) throws Exception {
        MockHttpServletResponse[] response = new MockHttpServletResponse[1];
        StatementCounter.Counts counts = StatementCounter.count(() -> response[0] = mvc.perform(
                get("/fhir/r4/Patient/" + client + "/$everything?_count=1000").header("Authorization", "Bearer " + token))
                .andReturn().getResponse());
        assertThat(response[0].getStatus()).as(response[0].getContentAsString()).isEqualTo(200);
        return new Call(response[0], counts);
    }

    private static long matching(StatementCounter.Counts counts, String text) {
        return counts.sql().stream().filter(sql -> sql.contains(text)).count();
    }

    @Test
    void everythingAsksTheSameOfTheDatabaseForTwoWeeksAsForTen(Clinic clinic) throws Exception {
        clock.set(java.time.Instant.parse("2025-03-01T09:00:00Z"));
        Person small = clinic.client();
        Person large = clinic.newClient("Tom Larger", ZoneId.of("Europe/London"));
        PracticeYear.Made two = PracticeYear.seed(context, clock, clinic.clinician().actor(), small.actor(), small.clientId(),
                LocalDateTime.of(2025, 3, 4, 17, 0), 2);
        PracticeYear.Made ten = PracticeYear.seed(context, clock, clinic.clinician().actor(), large.actor(), large.clientId(),
                LocalDateTime.of(2025, 4, 1, 17, 0), 10);
        assertThat(ten.entries()).isGreaterThan(4 * two.entries());
        assertThat(ten.assignments()).isGreaterThan(4 * two.assignments());
        clock.reset();
        WebSession web = clinic.signIn(clinic.clinician());
        clock.advance(Duration.ofSeconds(31));
        String token = WebSession.apiTokenIn(web.createApiToken(clinic.clinician(), clock, "cost", true)
                .getResponse().getContentAsString());

        Call firstSmall = everything(small.clientId(), token);
        Call firstLarge = everything(large.clientId(), token);
        Call warmSmall = everything(small.clientId(), token);
        Call warmLarge = everything(large.clientId(), token);
        System.out.println("$everything, two weeks (" + two.entries() + " entries), first call: " + firstSmall.counts()
                + "\nten weeks (" + ten.entries() + " entries), first call: " + firstLarge.counts()
                + "\ntwo weeks again: " + warmSmall.counts() + "\nten weeks again: " + warmLarge.counts());

        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, warmLarge.response().getContentAsString());
        // The page is written around the JSON made for hashing (BundleJson): the very text HAPI makes of the bundle.
        assertThat(warmLarge.response().getContentAsString()).isEqualTo(fhir.newJsonParser().encodeResourceToString(bundle));
        assertThat(firstSmall.response().getContentAsString()).isEqualTo(fhir.newJsonParser().encodeResourceToString(
                fhir.newJsonParser().parseResource(Bundle.class, firstSmall.response().getContentAsString())));
        assertThat(bundle.getEntry()).allSatisfy(e -> {
            assertThat(e.getFullUrl()).endsWith("/fhir/r4/" + e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart());
            assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
            if (!e.getResource().fhirType().equals("Questionnaire")) {
                assertThat(e.getResource().getMeta().getLastUpdated()).isNotNull();
            }
        });
        long responses = bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals("QuestionnaireResponse")).count();
        long requests = bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals("ServiceRequest")).count();
        assertThat(responses).isEqualTo(ten.entries());
        assertThat(requests).isEqualTo(ten.assignments());

        // The same statements whatever the size of the record: no query per assignment, entry or resource.
        assertThat(firstLarge.counts().statements()).as(firstLarge.counts().toString())
                .isEqualTo(firstSmall.counts().statements());
        assertThat(warmLarge.counts().statements()).as(warmLarge.counts().toString())
                .isEqualTo(warmSmall.counts().statements());
        assertThat(warmLarge.counts().statements()).as(warmLarge.counts().toString()).isLessThanOrEqualTo(20);
        // Two audit rows per call, whatever the record's size: the token's use and the read of the record (one row
        // per request per client, naming it). New resources are versioned in one statement; nothing on a repeat.
        for (Call call : new Call[] {firstSmall, firstLarge, warmSmall, warmLarge}) {
            assertThat(matching(call.counts(), "INSERT INTO audit_event")).as(call.counts().toString()).isEqualTo(2);
        }
        assertThat(matching(firstLarge.counts(), "INSERT INTO fhir_resource_version")).as(firstLarge.counts().toString()).isEqualTo(1);
        assertThat(matching(warmLarge.counts(), "INSERT INTO fhir_resource_version")).as(warmLarge.counts().toString()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE practice_id = ? AND client_id = ? AND action = 'READ' AND subject = 'FHIR record'")
                .params(clinic.id(), large.clientId()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM fhir_resource_version WHERE practice_id = ? AND client_id = ?")
                .params(clinic.id(), large.clientId()).query(Long.class).single())
                .isEqualTo(bundle.getEntry().stream().filter(e -> !e.getResource().fhirType().equals("Questionnaire")).count());
    }
}
