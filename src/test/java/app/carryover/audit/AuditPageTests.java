package app.carryover.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/** What the admin's audit page says: clients by name, requests in words, times in the practice's zone, pages. */
@CarryoverTest
class AuditPageTests {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>([^<]*)</td>");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail trail;

    Clinic clinic;
    TestPractice practice;

    @BeforeEach
    void practice(Clinic clinic) {
        this.clinic = clinic;
        practice = clinic.practice();
    }

    private String page(WebSession admin, String url) throws Exception {
        return admin.perform(get(url)).getResponse().getContentAsString();
    }

    @Test
    void rowsNameTheClientAndTellTwoClientsApartByTheRandomEndOfTheirIds() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        clinician.perform(get("/clients/" + practice.client().clientId()));
        clinic.signIn(practice.otherClinician()).perform(get("/clients/" + practice.otherClient().clientId()));
        String page = page(clinic.signIn(practice.admin()), "/admin/audit?action=READ");

        String kim = practice.client().clientId().toString();
        String lee = practice.otherClient().clientId().toString();
        assertThat(page).contains("Kim Client").contains("#" + kim.substring(28)).contains("Lee Otherclient")
                .contains("#" + lee.substring(28));
        assertThat(kim.substring(28)).isNotEqualTo(lee.substring(28));
    }

    @Test
    void requestsReadAsWordsNotAddresses() throws Exception {
        WebSession clinician = clinic.signIn(practice.clinician());
        clinician.perform(get("/clients/" + practice.client().clientId()));
        clinician.perform(get("/api/v1/clients/" + practice.client().clientId() + "/goals"));
        String page = page(clinic.signIn(practice.admin()),
                "/admin/audit?action=READ&client=" + practice.client().clientId());
        assertThat(page).contains("<span class=\"muted\"> — viewed Client overview</span>")
                .contains("<span class=\"muted\"> — read Client › Goals (API)</span>");
        assertThat(page.replaceAll("title=\"[^\"]*\"", "")).as("the request itself only on hover").doesNotContain("GET /");
        assertThat(page).contains("About Kim Client");
    }

    @Test
    void timesAreInThePracticesZoneWhichIsNamed() throws Exception {
        clock.set(Instant.parse("2026-07-01T12:00:00Z"));
        trail.recordNow(AuditEntry.by(practice.admin().actor(), null, AuditAction.SETTINGS, "practice settings", null,
                "a summer change"));
        clock.reset();
        WebSession admin = clinic.signIn(practice.admin());
        String page = page(admin, "/admin/audit?action=SETTINGS");
        assertThat(page).contains("When (Europe/London)").contains("1 Jul 2026, 13:00:00 BST")
                .contains("Changed settings").doesNotContain("2026-07-01 12:00:00");

        String that = page(admin, "/admin/audit?action=SETTINGS&from=2026-07-01&to=2026-07-01");
        assertThat(that).contains("a summer change");
        String before = page(admin, "/admin/audit?action=SETTINGS&from=2026-06-01&to=2026-06-30");
        assertThat(before).doesNotContain("a summer change").contains("Nothing recorded matches.");
    }

    @Test
    void fiftyRowsToAPageWithOlderAndNewerPages() throws Exception {
        for (int i = 1; i <= 70; i++) {
            trail.recordNow(AuditEntry.by(practice.admin().actor(), null, AuditAction.EXPORT, "export", null, "export " + i));
        }
        WebSession admin = clinic.signIn(practice.admin());
        String first = page(admin, "/admin/audit?action=EXPORT");
        assertThat(rows(first)).hasSize(50);
        assertThat(first).contains("export 70").contains("export 21").doesNotContain("export 20<")
                .doesNotContain("rel=\"prev\"");
        String older = link(first, "next");
        String second = page(admin, older);
        assertThat(rows(second)).hasSize(20);
        assertThat(second).contains("export 20<").contains("export 1<").doesNotContain("export 21<")
                .doesNotContain("rel=\"next\"");
        String back = page(admin, link(second, "prev"));
        assertThat(back).contains("export 21<").contains("export 70<");
        assertThat(rows(back)).hasSize(50);
    }

    private static List<String> rows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    private static String link(String html, String rel) {
        Matcher m = Pattern.compile("href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(html);
        assertThat(m.find()).as("a link to the " + rel + " page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
