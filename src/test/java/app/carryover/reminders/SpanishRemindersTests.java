package app.carryover.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import app.carryover.homework.Dose;
import app.carryover.practice.Practices;
import app.carryover.system.Languages;
import app.carryover.system.Texts;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures;
import app.carryover.testing.Mailbox;
import app.carryover.testing.TestClock;
import jakarta.mail.internet.MimeMessage;

/**
 * A client who reads Carryover in Spanish gets their reminders in Spanish: the subject, the
 * headline with the day and its year, every link's words, and the text message; still with no
 * clinical detail. English reminders read exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@app.carryover.testing.CarryoverTest
class SpanishRemindersTests {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Texts texts;
    @Autowired
    Practices practices;

    Fixtures.TestPractice practice;
    ReminderTestSupport support;

    @BeforeAll
    void practice(Clinic clinic) {
        practice = clinic.practice();
        support = new ReminderTestSupport(context);
    }

    @Test
    void aSpanishClientsReminderIsEmailedInSpanishWithNoClinicalDetail() throws Exception {
        clock.set(Instant.parse("2026-05-12T05:00:00Z")); // 07:00 in Madrid
        Fixtures.Person client = support.emailClient(practice, MADRID, "08:00");
        practices.chooseLanguage(client.actor(), Languages.SPANISH);
        support.assign(practice, client, "Exposición: el autobús lleno", Dose.perDay(1));
        support.plan(client);
        clock.set(Instant.parse("2026-05-12T06:00:00Z"));
        support.runDue();
        MimeMessage mail = Mailbox.latestTo(client.email());
        assertThat(mail.getSubject()).isEqualTo("Práctica planeada para hoy");
        assertThat(Mailbox.text(mail)).contains("Tiene práctica planeada para hoy (martes 12 de mayo de 2026).")
                .contains("Ábralo: http://localhost/r/").contains("¿Ya lo hizo? Márquelo como hecho: ")
                .contains("Posponer una hora: ").contains("Recordármelo más tarde hoy: ").contains("Saltar hoy: ")
                .contains("Recibe estos recordatorios por correo electrónico porque los pidió en Carryover.")
                .contains("Dejar de recibir recordatorios por correo electrónico (un clic): http://localhost/unsubscribe/")
                .doesNotContain("autobús").doesNotContain("Exposición").doesNotContain("You have");
    }

    @Test
    void theWordsOfEveryKindOfReminderInBothLanguages() {
        LocalDate day = LocalDate.of(2026, 5, 12);
        List<MessageWriter.Item> two = List.of(new MessageWriter.Item(Subject.PRACTICE, null),
                new MessageWriter.Item(Subject.CHECK_IN, "Paseo"));
        MessageWriter.Words english = MessageWriter.write(day, two, "https://c.example/r/abc", false, "https://c.example/u",
                "https://c.example/settings/reminders", "text message", texts, Languages.ENGLISH);
        assertThat(english.subject()).isEqualTo("Planned for today");
        assertThat(english.text()).startsWith("You have 2 things planned for today (Tuesday 12 May).\n\n  - Paseo (check-in)\n")
                .contains("\nOpen it: https://c.example/r/abc/open\nSnooze for an hour: https://c.example/r/abc/snooze\n")
                .endsWith("Stop reminders by text message (one click): https://c.example/u\n");
        assertThat(english.shortText()).isEqualTo("Carryover: you have 2 things planned for today. https://c.example/r/abc "
                + "Reply STOP to stop texts.");

        MessageWriter.Words spanish = MessageWriter.write(day, two, "https://c.example/r/abc", false, "https://c.example/u",
                "https://c.example/settings/reminders", "mensaje de texto", texts, Languages.SPANISH);
        assertThat(spanish.subject()).isEqualTo("Planeado para hoy");
        assertThat(spanish.text()).startsWith("Tiene 2 cosas planeadas para hoy (martes 12 de mayo de 2026).\n\n  - Paseo (repaso)\n")
                .doesNotContain("Márquelo").endsWith("Dejar de recibir recordatorios por mensaje de texto (un clic): https://c.example/u\n");
        assertThat(spanish.shortText()).isEqualTo("Carryover: tiene 2 cosas planeadas para hoy. https://c.example/r/abc "
                + "Responda STOP para dejar de recibir mensajes.");
        for (Subject subject : Subject.values()) {
            String headline = MessageWriter.headline(java.util.Set.of(subject), 1, texts, Languages.SPANISH);
            assertThat(headline).as("%s in Spanish", subject).isNotEqualTo(MessageWriter.headline(java.util.Set.of(subject), 1,
                    texts, Languages.ENGLISH));
        }
    }
}
