package app.carryover.homework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import app.carryover.system.Dates;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.worksheets.Item;
import app.carryover.worksheets.ItemType;
import app.carryover.worksheets.WorksheetDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dates written in a practice entry describe the practice being recorded ("the date you went to bed"),
 * so they lie no later than a day after the entry (a night that began before midnight in another zone).
 * A bedtime six months ahead is a slip, refused beside its question. Earlier dates are allowed: a client
 * may write about something long past.
 */
final class EntryDates {

    static final int DAYS_AHEAD = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryDates() {
    }

    /** Problems with the date answers of an accepted entry, keyed "answers.{path}" like the other answer problems. */
    static List<FieldProblem> check(WorksheetDefinition definition, String answersJson, LocalDate entryDate) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode root = JSON.readTree(answersJson);
        for (Item item : definition.items()) {
            if (item.type() == ItemType.DATE) {
                check(root.get(item.id()), item.id(), entryDate, problems);
            } else if (item.type() == ItemType.GROUP && root.get(item.id()) != null && root.get(item.id()).isArray()) {
                JsonNode rows = root.get(item.id());
                for (int r = 0; r < rows.size(); r++) {
                    for (Item child : item.items()) {
                        if (child.type() == ItemType.DATE) {
                            check(rows.get(r).get(child.id()), item.id() + "[" + r + "]." + child.id(), entryDate, problems);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static void check(JsonNode value, String path, LocalDate entryDate, List<FieldProblem> problems) {
        if (value == null || !value.isString()) {
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return;
        }
        if (date.isAfter(entryDate.plusDays(DAYS_AHEAD))) {
            problems.add(new FieldProblem("answers." + path, "Enter the date it happened: " + Dates.day(date)
                    + " is after the day you are recording (" + Dates.day(entryDate) + ")."));
        }
    }
}
