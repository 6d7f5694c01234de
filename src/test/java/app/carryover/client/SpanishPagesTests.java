package app.carryover.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.sessions.Sessions;
import app.carryover.system.Languages;
import app.carryover.system.Texts;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.TestClock;
import app.carryover.testing.WebSession;

/**
 * A client reads Carryover in Spanish: chosen on their language page and kept on their account
 * (signed in again, still Spanish), or taken from the browser until they choose. Today, the week,
 * history, an entry and the crisis notice say it in Spanish, dates with their year; clinicians'
 * pages stay English whatever their browser asks for.
 */
@CarryoverTest
class SpanishPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Assignments assignments;
    @Autowired
    Sessions sessions;
    @Autowired
    Texts texts;

    TestPractice practice;

    @BeforeEach
    void practice() {
        clock.set(Instant.parse("2026-05-14T09:00:00Z"));
        practice = Fixtures.practice(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Assignment walk() {
        sessions.schedule(practice.clinician().actor(), practice.client().clientId(), LocalDateTime.of(2026, 5, 18, 17, 0), 50);
        return assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(
                "Paseo por la tarde", "Camine veinte minutos después de cenar y regístrelo aquí.", "Para mejorar el ánimo.",
                true, List.of(), null, null, Dose.perDay(2), null, null, 3, null));
    }

    String practiceName() {
        return jdbc.sql("SELECT name FROM practice WHERE id = ?").param(practice.id()).query(String.class).single();
    }

    @Test
    void aClientChoosesSpanishAndTodayWeekAndHistorySpeakIt() throws Exception {
        Assignment walk = walk();
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        assertThat(client.read("/today")).as("English until chosen").contains("Hello, Kim Client");

        MvcResult chosen = client.perform(post("/settings/language").param("language", "es"));
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/settings/language");
        assertThat(client.perform(get("/settings/language").flashAttrs(chosen.getFlashMap())).getResponse()
                .getContentAsString()).contains("Guardado: Carryover ahora está en español.").contains("<html lang=\"es\"")
                .contains("value=\"es\" checked=\"checked\"");
        assertThat(jdbc.sql("SELECT language FROM account WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.client().accountId()).query(String.class).single()).isEqualTo("es");

        String today = client.read("/today");
        assertThat(today).contains("Hola, Kim Client").contains("Su práctica con " + "Practice ")
                .contains("Paseo por la tarde").contains("0 de 2 hoy")
                .contains("dos veces al día. Para su sesión del lunes 18 de mayo de 2026 a las 17:00.")
                .contains("Qué hacer").contains("Por qué: Para mejorar el ánimo.").contains("Hecho")
                .contains("Nuevo de su terapeuta. ¿Le parece claro?").contains("Tengo una pregunta")
                .contains("Su próxima sesión: lunes 18 de mayo de 2026 a las 17:00.")
                .contains("No se lee en tiempo real. Nadie vigila Carryover en tiempo real.")
                .contains("024 (España)").contains("Hoy Semana Historial").contains("Privacidad Idioma Cuenta Cerrar sesión")
                .doesNotContain("Hello").doesNotContain("Not read in real time").doesNotContain("Due by");

        MvcResult done = client.perform(post("/today/assignments/" + walk.id() + "/done")
                .param("submissionId", UUID.randomUUID().toString()));
        assertThat(client.follow(done)).contains("Registrado: Paseo por la tarde, hoy. ¿Cómo le fue? (opcional)")
                .contains("Cómo le fue, de 0 (nada bien) a 10 (muy bien)").contains("Una nota para su terapeuta (opcional)")
                .contains("1 de 2 hoy");

        assertThat(client.read("/week")).contains("Los últimos siete días").contains("Paseo por la tarde · dos veces al día")
                .contains("vie").contains("jue 14").contains("mayo")
                .contains("Cada número es cuántas veces registró esa práctica ese día; · significa ninguna.");
        String history = client.read("/history");
        assertThat(history).contains("Su práctica hasta ahora").contains("jue 14 may 2026 · Paseo por la tarde")
                .contains("cambiar").contains("Eliminar");

        // Signed in again: the language is the account's, not the browser session's.
        WebSession again = WebSession.signIn(mvc, practice.client(), clock);
        assertThat(again.read("/today")).contains("Hola, Kim Client");
    }

    @Test
    void aBuiltInWorksheetIsFilledInSpanishAndItsRefusalsAreSpanishToo() throws Exception {
        Assignment mood = assignments.compose(practice.clinician().actor(), practice.client().clientId(), new AssignmentDraft(
                "Registro del ánimo", "Cada noche, puntúe su ánimo.", null, true, List.of(), null,
                app.carryover.worksheets.BuiltInWorksheets.MOOD_TRACKER, Dose.perDay(1), null, null, 3, null));
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        client.perform(post("/settings/language").param("language", "es"));
        String path = "/today/assignments/" + mood.id() + "/worksheet";
        assertThat(client.read(path)).contains("Registro diario del ánimo y la ansiedad")
                .contains("Una vez al día, más o menos a la misma hora, puntúe de 0 a 10 su ánimo")
                .contains("Su ánimo hoy").contains("0 = Muy bajo").contains("5 = Regular").contains("10 = Muy bueno")
                .contains("¿Cuántas horas durmió anoche, más o menos? (opcional)").contains("horas")
                .contains("¿Qué día fue?").contains("Hoy, jueves 14 de mayo de 2026")
                .contains("Guardar este registro").contains("No se lee en tiempo real.")
                .doesNotContain("Your mood today").doesNotContain("Save this entry");

        MvcResult refused = client.perform(post(path).param("anxiety", "3").param("sleep_hours", "30")
                .param("submissionId", UUID.randomUUID().toString()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(refused)).contains("Revise estas respuestas").contains("Responda a esta pregunta.")
                .contains("Escriba un número de 0 a 24.").doesNotContain("Please answer this").doesNotContain("Enter a number");

        MvcResult saved = client.perform(post(path).param("mood", "6").param("anxiety", "3")
                .param("submissionId", UUID.randomUUID().toString()));
        String entryId = saved.getResponse().getRedirectedUrl().substring("/today?logged=".length());
        assertThat(client.follow(saved)).contains("Registrado: Registro del ánimo, hoy.");
        assertThat(client.read("/history/entries/" + entryId)).contains("Sus respuestas: Registro diario del ánimo y la ansiedad")
                .contains("1. Su ánimo hoy").contains("jueves 14 de mayo de 2026").contains("Corregir sus respuestas");
        // The clinician reads the same answers under the English questions.
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        assertThat(clinician.read("/clients/" + practice.client().clientId() + "/entries/" + entryId))
                .contains("Your mood today").doesNotContain("Su ánimo hoy");
    }

    @Test
    void aClientInvitedInSpanishGetsTheInvitationAndSignInLinksInSpanish() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        String email = "nuevo-" + practice.id() + "@example.org";
        MvcResult invited = clinician.perform(post("/caseload/invite").param("displayName", "Rosa Nueva").param("email", email)
                .param("timeZone", "America/Mexico_City").param("language", "es"));
        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo("/caseload");
        jakarta.mail.internet.MimeMessage invitation = app.carryover.testing.Mailbox.latestTo(email);
        assertThat(invitation.getSubject()).isEqualTo(practiceName() + " le invita a Carryover");
        assertThat(app.carryover.testing.Mailbox.text(invitation)).contains("Hola, Rosa Nueva:")
                .contains("Chris Primary le ha invitado a Carryover, donde encontrará su práctica entre sesiones.")
                .contains("Abra este enlace en los próximos 7 días para crear su cuenta:").contains("/invitations/");

        String link = app.carryover.testing.Mailbox.link(invitation, "/invitations/");
        new WebSession(mvc).perform(post(link).param("linksOnly", "true"));
        new WebSession(mvc).perform(post("/signin/link/request").param("username", email));
        // The link is made and sent off the request thread (issue 15): run the background task now.
        ((com.github.kagkarlsson.scheduler.testhelper.ManualScheduler) context.getBean(
                com.github.kagkarlsson.scheduler.Scheduler.class)).runAnyDueExecutions();
        jakarta.mail.internet.MimeMessage signIn = app.carryover.testing.Mailbox.latestTo(email);
        assertThat(signIn.getSubject()).isEqualTo("Su enlace para entrar en Carryover");
        assertThat(app.carryover.testing.Mailbox.text(signIn)).contains("Hola, Rosa Nueva:")
                .contains("Funciona una sola vez, durante los próximos 15 minutos:");
    }

    @Test
    void aClientInvitedWithoutALanguageKeepsTheOneTheirBrowserAcceptedIn() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        String email = "navegador-" + practice.id() + "@example.org";
        clinician.perform(post("/caseload/invite").param("displayName", "Luis Navegador").param("email", email)
                .param("timeZone", "Europe/Madrid"));
        jakarta.mail.internet.MimeMessage invitation = app.carryover.testing.Mailbox.latestTo(email);
        assertThat(invitation.getSubject()).as("no language yet: English")
                .isEqualTo("You are invited to Carryover by " + practiceName());
        String link = app.carryover.testing.Mailbox.link(invitation, "/invitations/");
        new WebSession(mvc).perform(post(link).param("linksOnly", "true").header("Accept-Language", "es-ES,es;q=0.9"));
        assertThat(jdbc.sql("SELECT language FROM account WHERE email = ?").param(email).query(String.class).single())
                .isEqualTo("es");
    }

    @Test
    void beforeSignInTheSignInPageFollowsTheBrowser() throws Exception {
        WebSession stranger = new WebSession(mvc);
        MvcResult spanish = stranger.perform(get("/signin").header("Accept-Language", "es-MX,es;q=0.9"));
        assertThat(spanish.getResponse().getContentAsString()).contains("<html lang=\"es\"");
        assertThat(WebSession.textOf(spanish)).contains("Entrar").contains("Correo electrónico").contains("Contraseña")
                .doesNotContain("Password");
        assertThat(WebSession.textOf(stranger.perform(get("/signin").header("Accept-Language", "en-US"))))
                .contains("Sign in").contains("E-mail address");
    }

    @Test
    void aSpanishClientAnswersAValidatedQuestionnaireKeptInEnglishAroundSpanishWords() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        clinician.perform(post("/clients/" + practice.client().clientId() + "/measure-schedules").param("instrument", "PHQ9")
                .param("kind", "EVERY_N_WEEKS").param("intervalWeeks", "1"));
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        client.perform(post("/settings/language").param("language", "es"));
        assertThat(client.read("/today")).contains("PHQ-9").contains("Cuestionario para el ")
                .contains("de 2026").contains("9 preguntas, unos 2 minutos.").contains("Responder ahora");
        String form = client.read("/today/measures/PHQ9");
        assertThat(form).contains("Este cuestionario se muestra en inglés. Es un cuestionario validado")
                .contains("Over the last 2 weeks").contains("Enviar");
        MvcResult refused = client.perform(post("/today/measures/PHQ9").param("submissionId", UUID.randomUUID().toString())
                .param("item1", "0"));
        assertThat(WebSession.textOf(refused)).contains("Todavía no se ha enviado").contains("la pregunta 2 necesita una respuesta");
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder answers = post("/today/measures/PHQ9")
                .param("submissionId", UUID.randomUUID().toString());
        for (int i = 1; i <= 10; i++) {
            answers.param("item" + i, i == 1 || i == 2 ? "1" : "0");
        }
        assertThat(WebSession.textOf(client.perform(answers))).contains("Gracias")
                .contains("Su puntuación de PHQ-9 hoy es 2 de 27 (mínima). Su terapeuta la repasará con usted.")
                .contains("Volver a Hoy");
    }

    @Test
    void aSpanishClientSaysSomethingAboutTheirPracticeInSpanish() throws Exception {
        Assignment walk = walk();
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        client.perform(post("/settings/language").param("language", "es"));
        String say = client.read("/today/assignments/" + walk.id() + "/say?kind=QUESTION");
        assertThat(say).contains("Qué hacer: Camine veinte minutos").contains("Con qué frecuencia: dos veces al día")
                .contains("Hasta cuándo: Hasta su sesión del lunes 18 de mayo de 2026 a las 17:00.")
                .contains("¿Qué le gustaría decirle a su terapeuta?").contains("Tengo una pregunta").contains("Enviar a su terapeuta");
        MvcResult refused = client.perform(post("/today/assignments/" + walk.id() + "/say").param("kind", "QUESTION")
                .param("body", ""));
        assertThat(WebSession.textOf(refused)).contains("Sus palabras: escriba su pregunta para que su terapeuta pueda responderla");
        assertThat(client.read("/good-homework")).contains("Cómo son unas buenas tareas").contains("Debe saber por qué");
    }

    @Test
    void beforeChoosingTheBrowsersLanguageDecidesAndEnglishStaysTheDefault() throws Exception {
        walk();
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        MvcResult spanish = client.perform(get("/today").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.8"));
        assertThat(WebSession.textOf(spanish)).contains("Hola, Kim Client").contains("dos veces al día");
        MvcResult english = client.perform(get("/today").header("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(WebSession.textOf(english)).contains("Hello, Kim Client").contains("twice a day")
                .contains("Due by your session on Monday 18 May at 17:00");
        MvcResult french = client.perform(get("/today").header("Accept-Language", "fr-FR"));
        assertThat(WebSession.textOf(french)).as("a language we do not have").contains("Hello, Kim Client");
    }

    @Test
    void cliniciansPagesStayEnglishWhateverTheBrowserAsks() throws Exception {
        WebSession clinician = WebSession.signIn(mvc, practice.clinician(), clock);
        MvcResult caseload = clinician.perform(get("/caseload").header("Accept-Language", "es"));
        assertThat(caseload.getResponse().getContentAsString()).contains("<html lang=\"en\"");
        assertThat(WebSession.textOf(caseload)).contains("Caseload").contains("Sign out").doesNotContain("Cerrar sesión");
    }

    @Test
    void aLanguageWeDoNotHaveIsRefusedOnThePage() throws Exception {
        WebSession client = WebSession.signIn(mvc, practice.client(), clock);
        MvcResult refused = client.perform(post("/settings/language").param("language", "fr"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(WebSession.textOf(refused)).contains("Choose English or Spanish.");
        assertThat(jdbc.sql("SELECT language FROM account WHERE practice_id = ? AND id = ?")
                .params(practice.id(), practice.client().accountId()).query(String.class).optional()).isEmpty();
    }

    @Test
    void theDoseInEnglishWordsIsTheSameFromMessagesAsFromTheRecord() {
        List<Dose> doses = List.of(Dose.perDay(1), Dose.perDay(2), Dose.perDay(5), new Dose(Dose.Kind.PER_WEEK, 3, null, null, null),
                new Dose(Dose.Kind.PER_PERIOD, 1, null, "evening", null),
                new Dose(Dose.Kind.ON_DAYS, 1, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.WEDNESDAY), null, null),
                new Dose(Dose.Kind.ON_DAYS, 2, Set.of(DayOfWeek.values()), null, null),
                new Dose(Dose.Kind.ON_DAYS, 2, EnumSet.of(DayOfWeek.SUNDAY), "after breakfast", null),
                new Dose(Dose.Kind.TRIGGER, 5, null, null, "anxiety is 6/10 or more"),
                new Dose(Dose.Kind.TRIGGER, 4, null, null, "When you notice a worry"));
        for (Dose dose : doses) {
            assertThat(dose.describe(texts, Languages.ENGLISH)).isEqualTo(dose.describe());
        }
        assertThat(new Dose(Dose.Kind.ON_DAYS, 1, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), null, null)
                .describe(texts, Languages.SPANISH)).isEqualTo("los lunes y sábados");
        assertThat(new Dose(Dose.Kind.ON_DAYS, 3, Set.of(DayOfWeek.values()), "por la mañana", null)
                .describe(texts, Languages.SPANISH)).isEqualTo("todos los días, 3 veces cada día, por la mañana");
        assertThat(new Dose(Dose.Kind.TRIGGER, 5, null, null, "sienta ansiedad de 6/10 o más").describe(texts, Languages.SPANISH))
                .isEqualTo("cada vez que sienta ansiedad de 6/10 o más, con la meta de 5");
        assertThat(new Dose(Dose.Kind.PER_WEEK, 1, null, null, null).describe(texts, Languages.SPANISH))
                .isEqualTo("una vez a la semana");
    }
}
