package app.carryover.homework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import app.carryover.system.Dates;

/**
 * What an edit changed, field by field and in words ("Dose: once a day → twice a day"), so the history
 * reads like a note in the record rather than a diff of columns.
 */
final class AssignmentChanges {

    private AssignmentChanges() {
    }

    static List<AssignmentRevision.FieldChange> between(Assignment before, Assignment after, Function<List<UUID>, String> goals,
            Function<UUID, String> steps) {
        List<AssignmentRevision.FieldChange> changes = new ArrayList<>();
        add(changes, "Title", before.title(), after.title());
        add(changes, "Instructions", before.instructions(), after.instructions());
        add(changes, "Why", before.rationale(), after.rationale());
        add(changes, "Plan if something gets in the way", before.plan(), after.plan());
        if (!before.goalIds().stream().sorted().toList().equals(after.goalIds().stream().sorted().toList())
                || before.general() != after.general()) {
            changes.add(new AssignmentRevision.FieldChange("Goals", goalsText(before, goals), goalsText(after, goals)));
        }
        add(changes, "Worksheet", before.worksheetKey(), after.worksheetKey());
        add(changes, "Dose", before.dose().describe(), after.dose().describe());
        add(changes, "Start", Dates.day(before.startDate()), Dates.day(after.startDate()));
        add(changes, "Due", due(before.dueDate()), due(after.dueDate()));
        add(changes, "Difficulty", String.valueOf(before.difficulty()), String.valueOf(after.difficulty()));
        add(changes, "Exposure step", before.exposureStepId() == null ? null : steps.apply(before.exposureStepId()),
                after.exposureStepId() == null ? null : steps.apply(after.exposureStepId()));
        return changes;
    }

    private static String goalsText(Assignment a, Function<List<UUID>, String> goals) {
        String linked = a.goalIds().isEmpty() ? "" : goals.apply(a.goalIds());
        return a.general() ? (linked.isEmpty() ? "general" : linked + "; general") : linked;
    }

    private static String due(LocalDate date) {
        return date == null ? "at the next session" : "by " + Dates.day(date);
    }

    private static void add(List<AssignmentRevision.FieldChange> changes, String field, String from, String to) {
        if (!Objects.equals(blank(from), blank(to))) {
            changes.add(new AssignmentRevision.FieldChange(field, blank(from) == null ? "—" : from, blank(to) == null ? "—" : to));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
