package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;
import app.carryover.worksheets.definition.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The worksheets JSON API: definitions in their own format out and in, problems named by their path. */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksheetApiTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    TestPractice practice;
    WebSession clinician;
    WebSession colleague;

    @BeforeAll
    void signIn(Clinic clinic) throws Exception {
        practice = clinic.practice();
        clinician = clinic.signIn(practice.clinician());
        colleague = clinic.signIn(practice.otherClinician());
        clock.advance(Duration.ofSeconds(31));
    }

    static JsonNode json(MvcResult result) throws Exception {
        return Json.MAPPER.readTree(result.getResponse().getContentAsString());
    }

    MvcResult send(WebSession who, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return who.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The mood tracker as a custom worksheet's document. */
    static ObjectNode moodDocument() {
        return (ObjectNode) Json.MAPPER.readTree(WorksheetDefinitions.toJson(BuiltInWorksheets.get("mood-tracker")));
    }

    @Test
    void theListAndEachVersionComeInTheDefinitionFormat() throws Exception {
        JsonNode list = json(clinician.perform(get("/api/v1/worksheets")));
        assertThat(list.size()).isGreaterThanOrEqualTo(13);
        assertThat(list.get(0).get("key").stringValue()).isEqualTo("thought-record");
        assertThat(list.get(0).get("suggestedDose").stringValue()).startsWith("each time");

        MvcResult one = clinician.perform(get("/api/v1/worksheets/sleep-diary/versions/1"));
        assertThat(one.getResponse().getContentType()).startsWith("application/json");
        assertThat(WorksheetDefinitions.parse(one.getResponse().getContentAsString()).orElseThrow())
                .isEqualTo(BuiltInWorksheets.get("sleep-diary"));

        JsonNode detail = json(clinician.perform(get("/api/v1/worksheets/sleep-diary")));
        assertThat(detail.get("versions").get(0).get("href").stringValue()).isEqualTo("/api/v1/worksheets/sleep-diary/versions/1");
    }

    @Test
    void aDocumentMakesAWorksheetAndThenANewVersion() throws Exception {
        ObjectNode doc = moodDocument();
        doc.put("title", "Mood, my way");
        MvcResult created = send(clinician, post("/api/v1/worksheets"), doc.toString());
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String key = json(created).get("key").stringValue();
        assertThat(key).startsWith("custom-mood-my-way");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/worksheets/" + key + "/versions/1");

        doc.put("title", "Mood, my way (evenings)");
        MvcResult second = send(clinician, post("/api/v1/worksheets/" + key + "/versions"), doc.toString());
        assertThat(second.getResponse().getStatus()).isEqualTo(201);
        assertThat(json(second).get("version").intValue()).isEqualTo(2);
        assertThat(json(clinician.perform(get("/api/v1/worksheets/" + key + "/versions/1"))).get("title").stringValue())
                .isEqualTo("Mood, my way");

        assertThat(colleague.perform(get("/api/v1/worksheets/" + key)).getResponse().getStatus()).isEqualTo(404);
        MvcResult shared = send(clinician, put("/api/v1/worksheets/" + key + "/shared"), "{\"shared\":true}");
        assertThat(json(shared).get("shared").booleanValue()).isTrue();
        assertThat(json(colleague.perform(get("/api/v1/worksheets/" + key))).get("worksheet").get("mine").booleanValue())
                .isFalse();
        assertThat(send(colleague, post("/api/v1/worksheets/" + key + "/versions"), doc.toString()).getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void aBrokenDocumentIsRefusedWithEachProblemAtItsPath() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM worksheet WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single();
        ObjectNode doc = moodDocument();
        ObjectNode sleep = (ObjectNode) doc.get("items").get(3);
        sleep.put("min", 10);
        sleep.put("max", 5);
        ((ObjectNode) doc.get("items").get(2)).put("id", "mood");
        MvcResult refused = send(clinician, post("/api/v1/worksheets"), doc.toString());
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.get("title").stringValue()).isEqualTo("Invalid input");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("items[2].id", "items[3].min");
        assertThat(problem.toString()).contains("duplicate item id 'mood' (also used at items[0])",
                "min (10) is above max (5)");

        ObjectNode cycle = moodDocument();
        ((ObjectNode) cycle.get("items").get(0)).putArray("showIf").addObject().put("item", "anxiety")
                .put("operator", "answered");
        ((ObjectNode) cycle.get("items").get(1)).putArray("showIf").addObject().put("item", "mood")
                .put("operator", "answered");
        JsonNode cycleProblem = json(send(clinician, post("/api/v1/worksheets"), cycle.toString()));
        assertThat(cycleProblem.get("errors").findValuesAsString("field")).contains("items[0].showIf");

        JsonNode unknown = json(send(clinician, post("/api/v1/worksheets"), "{\"title\":\"x\",\"requried\":true}"));
        assertThat(unknown.get("errors").findValuesAsString("field")).contains("requried");
        assertThat(send(clinician, post("/api/v1/worksheets"), "{not json").getResponse().getStatus()).isEqualTo(400);
        assertThat(send(clinician, post("/api/v1/worksheets"), "[1]").getResponse().getContentAsString())
                .contains("must be a JSON object");
        assertThat(jdbc.sql("SELECT count(*) FROM worksheet WHERE practice_id = ?").param(practice.id())
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void unknownWorksheetsAndVersionsAre404Problems() throws Exception {
        MvcResult missing = clinician.perform(get("/api/v1/worksheets/custom-nothing-here/versions/1"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(clinician.perform(get("/api/v1/worksheets/thought-record/versions/9")).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(send(clinician, post("/api/v1/worksheets/thought-record/versions"), moodDocument().toString())
                .getResponse().getStatus()).as("built-ins do not change").isEqualTo(403);
    }
}
