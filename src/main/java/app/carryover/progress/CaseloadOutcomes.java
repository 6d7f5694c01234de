package app.carryover.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.carryover.caseload.ClientRecord;
import app.carryover.measures.Change;
import app.carryover.measures.Instrument;
import app.carryover.measures.Instruments;
import app.carryover.measures.Measure;
import app.carryover.measures.MeasureAdministration;
import app.carryover.measures.Measures;
import app.carryover.measures.RiskAlerts;

/**
 * Each client's outcome at a glance for the caseload: the latest score of their main questionnaire
 * (the standard one answered most), its trend since the one before, reliable change since the first,
 * and open risk alerts. Loaded in two queries for the whole caseload; callers have checked access.
 */
@Service
public class CaseloadOutcomes {

    /**
     * @param trend      the change since the score before in words ("down 3", "up 2", "no change"), or null
     * @param openAlerts risk alerts not yet acknowledged
     */
    public record Outcome(String instrument, Integer latest, String band, String trend, Change.Status status,
            String statusWords, int openAlerts) {

        public boolean hasScore() {
            return latest != null;
        }
    }

    private final Measures measures;
    private final RiskAlerts alerts;

    CaseloadOutcomes(Measures measures, RiskAlerts alerts) {
        this.measures = measures;
        this.alerts = alerts;
    }

    public Map<UUID, Outcome> of(UUID practiceId, Collection<ClientRecord> clients) {
        List<UUID> ids = clients.stream().map(ClientRecord::id).toList();
        Map<UUID, Map<Measure, List<MeasureAdministration>>> scored = new HashMap<>();
        for (MeasureAdministration a : measures.ofClients(practiceId, ids, Instant.EPOCH)) {
            Measure m = measureOf(a.instrument());
            if (a.scored() && m != null) {
                scored.computeIfAbsent(a.clientId(), c -> new EnumMap<>(Measure.class))
                        .computeIfAbsent(m, k -> new ArrayList<>()).add(a);
            }
        }
        Map<UUID, Integer> open = new HashMap<>();
        alerts.openFor(practiceId, ids).forEach(a -> open.merge(a.clientId(), 1, Integer::sum));
        Map<UUID, Outcome> outcomes = new HashMap<>();
        for (UUID id : ids) {
            Map<Measure, List<MeasureAdministration>> byMeasure = scored.getOrDefault(id, Map.of());
            Measure main = byMeasure.keySet().stream().max(Comparator
                    .comparingInt((Measure m) -> byMeasure.get(m).size()).thenComparing(m -> -m.ordinal())).orElse(null);
            int alertsOpen = open.getOrDefault(id, 0);
            if (main == null) {
                outcomes.put(id, new Outcome(null, null, null, null, null, null, alertsOpen));
                continue;
            }
            List<MeasureAdministration> list = byMeasure.get(main);
            Instrument instrument = Instruments.of(main);
            Change change = Change.of(instrument, list.stream().map(MeasureAdministration::total).toList());
            MeasureAdministration last = list.get(list.size() - 1);
            outcomes.put(id, new Outcome(main.label(), last.total(), last.band(),
                    change.sinceLast() == null ? null : Change.direction(instrument, change.sinceLast()), change.status(),
                    change.status().words(), alertsOpen));
        }
        return outcomes;
    }

    private static Measure measureOf(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return null;
    }
}
