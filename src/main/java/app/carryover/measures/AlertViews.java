package app.carryover.measures;

import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientRecord;
import app.carryover.practice.Practices;
import app.carryover.system.PracticeZones;

/** Risk alerts in words for the care team: which answer, when, and what became of it. */
@Component
class AlertViews {

    /** One alert as the care team sees it. */
    record AlertView(RiskAlert alert, String clientName, List<String> answers, String raised, String escalation,
            String acknowledgement) {
    }

    private final AdministrationRepository administrations;
    private final Instruments instruments;
    private final Practices practices;
    private final PracticeZones zones;

    AlertViews(AdministrationRepository administrations, Instruments instruments, Practices practices, PracticeZones zones) {
        this.administrations = administrations;
        this.instruments = instruments;
        this.practices = practices;
        this.zones = zones;
    }

    AlertView view(ClientRecord client, RiskAlert alert) {
        ZoneId zone = zones.zoneOf(client.practiceId());
        Instrument instrument = instruments.find(client.practiceId(), alert.instrument()).orElse(null);
        MeasureAdministration a = administrations.find(client.practiceId(), client.id(), alert.administrationId()).orElse(null);
        List<String> answers = alert.items().stream().map(n -> {
            if (instrument == null || a == null) {
                return "question " + n;
            }
            Instrument.Item item = instrument.item(n);
            Integer value = a.answers().get(n - 1);
            return instrument.name() + " question " + n + ", “" + item.text() + "”: " + item.words(value)
                    + (item.isRating() ? " (risk level " + item.riskAt() + ")" : "");
        }).toList();
        String raised = "Raised " + Dates.when(alert.raisedAt(), zone) + (a == null ? "" : ", " + a.mode().words());
        String escalation = alert.escalated()
                ? "Escalated " + Dates.when(alert.escalatedAt(), zone) + " to " + alert.escalatedTo() + " supervisor(s) and admin(s)"
                : alert.open() ? "Escalates to the supervisors and admins " + Dates.when(alert.escalateAt(), zone)
                        + " unless acknowledged" : null;
        String acknowledgement = alert.open() ? null : "Acknowledged " + Dates.when(alert.acknowledgedAt(), zone) + " by "
                + practices.person(client.practiceId(), alert.acknowledgedBy()).map(Practices.Person::displayName)
                        .orElse("a clinician") + ": " + alert.action().words()
                + (alert.note() == null ? "" : " — " + alert.note());
        return new AlertView(alert, client.displayName(), answers, raised, escalation, acknowledgement);
    }
}
