package app.carryover.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.sessions.Sessions;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.worksheets.BuiltInWorksheets;

/**
 * A Spanish-speaking client on a phone (390 × 844) in headless Chromium set to Spanish: the sign-in
 * page is already in Spanish, Today and a built-in worksheet follow the browser, the client makes
 * Spanish their setting, logs a practice and fills the mood tracker, all in Spanish.
 */
@CarryoverTest
class SpanishPhoneJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;
    @Autowired
    Sessions sessions;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientWithASpanishPhonePractisesInSpanish() throws Exception {
        clock.set(Instant.parse("2026-05-14T17:30:00Z"));
        TestPractice practice = Fixtures.practice(context);
        sessions.schedule(practice.clinician().actor(), practice.client().clientId(), LocalDateTime.of(2026, 5, 19, 18, 0), 50);
        Assignment walk = assign(practice, "Paseo después de cenar", null, Dose.perDay(2));
        Assignment mood = assign(practice, "Registro del ánimo", BuiltInWorksheets.MOOD_TRACKER, Dose.perDay(1));
        try (Browser phone = Browser.phone("http://localhost:" + port, "es-ES,es")) {
            phone.go("/signin");
            assertThat(phone.text()).contains("Entrar").contains("Correo electrónico").contains("Contraseña");
            phone.type("email", practice.client().email()).type("password", Fixtures.PASSWORD);
            phone.click(By.cssSelector("form[action$='/signin'] button[type=submit]"));

            phone.go("/today");
            assertThat(phone.text()).as("the browser's language until the client chooses").contains("Hola, Kim Client")
                    .contains("Paseo después de cenar").contains("dos veces al día")
                    .contains("Para su sesión del martes 19 de mayo de 2026 a las 18:00")
                    .contains("No se lee en tiempo real.");

            phone.go("/settings/language");
            phone.click(By.cssSelector("label[lang=es]"));
            phone.press("Guardar");
            assertThat(phone.text()).contains("Guardado: Carryover ahora está en español.");
            assertThat(jdbc.sql("SELECT language FROM account WHERE practice_id = ? AND id = ?")
                    .params(practice.id(), practice.client().accountId()).query(String.class).single()).isEqualTo("es");

            phone.go("/today");
            phone.click(By.cssSelector("button[aria-label='Hecho: Paseo después de cenar']"));
            assertThat(phone.text()).contains("Registrado: Paseo después de cenar, hoy. ¿Cómo le fue? (opcional)")
                    .contains("1 de 2 hoy");
            phone.screenshot("spanish-today");

            phone.go("/today/assignments/" + mood.id() + "/worksheet");
            assertThat(phone.text()).contains("Registro diario del ánimo y la ansiedad").contains("Su ánimo hoy")
                    .contains("0 = Muy bajo").contains("Guardar este registro");
            phone.click(By.cssSelector("label[for='q-mood-6']"));
            phone.click(By.cssSelector("label[for='q-anxiety-3']"));
            phone.screenshot("spanish-worksheet");
            phone.press("Guardar este registro");
            assertThat(phone.text()).contains("Registrado: Registro del ánimo, hoy.");
            assertThat(phone.find(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        }
    }

    Assignment assign(TestPractice practice, String title, String worksheet, Dose dose) {
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(title,
                "Hágalo cada día y regístrelo aquí.", "Para mejorar el ánimo.", true, List.of(), null, worksheet, dose, null,
                null, 3, null));
    }
}
