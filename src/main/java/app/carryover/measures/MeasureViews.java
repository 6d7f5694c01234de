package app.carryover.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.carryover.caseload.ClientRecord;
import app.carryover.measures.Instrument.Item;

/** What the measures pages show, worked out from administrations and schedules. */
@Component
class MeasureViews {

    /** One administration as a table row: when, the score in words, how it was given, each answer in words. */
    record Row(MeasureAdministration administration, String when, String score, String how, List<String> answers) {
    }

    /** One instrument's scores: the latest, the change in words, and every administration, newest first. */
    record Summary(Instrument instrument, MeasureAdministration latest, Change change, String changeWords, List<Row> rows) {
    }

    record ScheduleRow(MeasureSchedule schedule, String name, String words) {
    }

    private final Instruments instruments;
    private final Clock clock;

    MeasureViews(Instruments instruments, Clock clock) {
        this.instruments = instruments;
        this.clock = clock;
    }

    LocalDate today(ClientRecord client) {
        return clock.instant().atZone(client.timeZone()).toLocalDate();
    }

    /** One summary per instrument answered, questionnaires first, in the order first answered. */
    List<Summary> summaries(ClientRecord client, List<MeasureAdministration> history) {
        Map<String, List<MeasureAdministration>> byInstrument = new LinkedHashMap<>();
        for (MeasureAdministration a : history) {
            byInstrument.computeIfAbsent(a.instrument(), k -> new ArrayList<>()).add(a);
        }
        List<Summary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<MeasureAdministration>> e : byInstrument.entrySet()) {
            Optional<Instrument> instrument = instruments.find(client.practiceId(), e.getKey());
            if (instrument.isEmpty()) {
                continue;
            }
            Instrument i = instrument.get();
            List<MeasureAdministration> list = e.getValue();
            Change change = Change.of(i, list.stream().filter(MeasureAdministration::scored).map(MeasureAdministration::total).toList());
            List<Row> rows = new ArrayList<>();
            for (int k = list.size() - 1; k >= 0; k--) {
                rows.add(row(client, i, list.get(k)));
            }
            summaries.add(new Summary(i, list.get(list.size() - 1), change, i.hasTotal() ? change.words(i) : null, rows));
        }
        summaries.sort(Comparator.comparing(s -> s.instrument().isHomeworkRating()));
        return summaries;
    }

    Row row(ClientRecord client, Instrument i, MeasureAdministration a) {
        List<String> answers = new ArrayList<>();
        for (Item item : i.items()) {
            Integer value = item.number() <= a.answers().size() ? a.answers().get(item.number() - 1) : null;
            answers.add(item.number() + ". " + item.text() + ": " + item.words(value)
                    + (value != null && item.isRating() ? "" : value == null ? "" : " (" + value + ")"));
        }
        String score = !i.hasTotal() ? i.scoredItems().stream().map(item -> shortName(item) + " "
                + (a.answers().get(item.number() - 1) == null ? "–" : a.answers().get(item.number() - 1)))
                .reduce((x, y) -> x + ", " + y).orElse("")
                : a.total() == null ? "no total (" + a.missing() + " unanswered)"
                        : a.total() + " of " + i.maxTotal() + (a.prorated() ? ", prorated" : "")
                                + (a.band() == null ? "" : " · " + a.band());
        return new Row(a, Dates.when(a.answeredAt(), client.timeZone()), score, a.mode().words(), answers);
    }

    List<ScheduleRow> schedules(ClientRecord client, List<MeasureSchedule> schedules) {
        return schedules.stream().map(s -> new ScheduleRow(s, instruments.find(client.practiceId(), s.instrument())
                .map(Instrument::name).orElse(s.instrument()), s.describe())).toList();
    }

    /** The first word of a homework rating's item ("Amount", "How much"), for compact rows. */
    private static String shortName(Item item) {
        String[] names = {"amount", "quality", "usefulness", "difficulty"};
        return item.number() <= names.length ? names[item.number() - 1] : "item " + item.number();
    }
}
