package app.carryover.homework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import app.carryover.worksheets.SuggestedDose;

/** The composer's form fields, bound from a page post; {@link #draft()} turns them into a draft. */
public class ComposerForm {

    private String title = "";
    private String instructions = "";
    private String rationale = "";
    private boolean general;
    private List<UUID> goalIds = new ArrayList<>();
    private UUID sessionId;
    private String worksheetKey = "";
    private Dose.Kind doseKind = Dose.Kind.PER_DAY;
    private Integer doseCount = 1;
    private List<DayOfWeek> doseWeekdays = new ArrayList<>();
    private String doseTimes = "";
    private String doseTrigger = "";
    private LocalDate startDate;
    private boolean dueOnDate;
    private LocalDate dueDate;
    private Integer difficulty = 5;
    private UUID exposureStepId;
    private String plan = "";
    /** The worksheet whose suggested dose the dose fields were last given, so a new choice applies its own once. */
    private String doseWorksheet = "";

    public static ComposerForm of(AssignmentDraft d) {
        ComposerForm f = new ComposerForm();
        f.title = d.title();
        f.instructions = d.instructions();
        f.rationale = d.rationale() == null ? "" : d.rationale();
        f.general = d.general();
        f.goalIds = new ArrayList<>(d.goalIds());
        f.sessionId = d.sessionId();
        f.worksheetKey = d.worksheetKey() == null ? "" : d.worksheetKey();
        if (d.dose() != null) {
            f.doseKind = d.dose().kind();
            f.doseCount = d.dose().count();
            f.doseWeekdays = new ArrayList<>(d.dose().weekdays());
            f.doseTimes = d.dose().times() == null ? "" : d.dose().times();
            f.doseTrigger = d.dose().trigger() == null ? "" : d.dose().trigger();
        }
        f.startDate = d.startDate();
        f.dueOnDate = d.dueDate() != null;
        f.dueDate = d.dueDate();
        f.difficulty = d.difficulty();
        f.exposureStepId = d.exposureStepId();
        f.plan = d.plan() == null ? "" : d.plan();
        f.doseWorksheet = f.worksheetKey;
        return f;
    }

    public AssignmentDraft draft() {
        Dose dose = doseKind == null ? null : new Dose(doseKind, doseCount == null ? 0 : doseCount,
                doseWeekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(doseWeekdays), doseTimes, doseTrigger);
        return new AssignmentDraft(title, instructions, rationale, general, goalIds, sessionId,
                worksheetKey == null || worksheetKey.isBlank() ? null : worksheetKey, dose, startDate,
                dueOnDate ? dueDate : null, difficulty, exposureStepId, plan);
    }

    /**
     * When a worksheet has just been chosen, fills the dose fields with its suggested dose (the worksheet
     * builder's promise: "the default when you assign it; you can change it for each client") and returns
     * true. A worksheet already applied is not applied again, so the clinician's own changes stay.
     */
    boolean applySuggestedDose(String chosenKey, SuggestedDose suggested) {
        String key = worksheetKey == null ? "" : worksheetKey;
        if (key.isBlank() || key.equals(doseWorksheet) || !key.equals(chosenKey)) {
            doseWorksheet = key;
            return false;
        }
        doseWorksheet = key;
        if (suggested == null) {
            return false;
        }
        doseKind = switch (suggested.kind()) {
            case PER_DAY -> Dose.Kind.PER_DAY;
            case PER_WEEK -> Dose.Kind.PER_WEEK;
            case PER_PERIOD -> Dose.Kind.PER_PERIOD;
            case ON_DAYS -> Dose.Kind.ON_DAYS;
            case ON_TRIGGER -> Dose.Kind.TRIGGER;
        };
        doseCount = suggested.count();
        doseWeekdays = new ArrayList<>(suggested.days());
        doseTimes = String.join(", ", suggested.times().stream().map(LocalTime::toString).toList());
        doseTrigger = suggested.trigger() == null ? "" : suggested.trigger();
        return true;
    }

    /** The dose in words as the form stands, or a hint when it is not complete yet. */
    public String doseInWords() {
        try {
            return draft().dose().checked().describe();
        } catch (RuntimeException incomplete) {
            return "Choose how much practice";
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public boolean isGeneral() { return general; }
    public void setGeneral(boolean general) { this.general = general; }
    public List<UUID> getGoalIds() { return goalIds; }
    public void setGoalIds(List<UUID> goalIds) { this.goalIds = goalIds == null ? new ArrayList<>() : goalIds; }
    public UUID getSessionId() { return sessionId; }
    public void setSessionId(UUID sessionId) { this.sessionId = sessionId; }
    public String getWorksheetKey() { return worksheetKey; }
    public void setWorksheetKey(String worksheetKey) { this.worksheetKey = worksheetKey; }
    public Dose.Kind getDoseKind() { return doseKind; }
    public void setDoseKind(Dose.Kind doseKind) { this.doseKind = doseKind; }
    public Integer getDoseCount() { return doseCount; }
    public void setDoseCount(Integer doseCount) { this.doseCount = doseCount; }
    public List<DayOfWeek> getDoseWeekdays() { return doseWeekdays; }
    public void setDoseWeekdays(List<DayOfWeek> doseWeekdays) { this.doseWeekdays = doseWeekdays == null ? new ArrayList<>() : doseWeekdays; }
    public String getDoseTimes() { return doseTimes; }
    public void setDoseTimes(String doseTimes) { this.doseTimes = doseTimes; }
    public String getDoseTrigger() { return doseTrigger; }
    public void setDoseTrigger(String doseTrigger) { this.doseTrigger = doseTrigger; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public boolean isDueOnDate() { return dueOnDate; }
    public void setDueOnDate(boolean dueOnDate) { this.dueOnDate = dueOnDate; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public Integer getDifficulty() { return difficulty; }
    public void setDifficulty(Integer difficulty) { this.difficulty = difficulty; }
    public UUID getExposureStepId() { return exposureStepId; }
    public void setExposureStepId(UUID exposureStepId) { this.exposureStepId = exposureStepId; }
    public String getPlan() { return plan; }
    public void setPlan(String plan) { this.plan = plan; }
    public String getDoseWorksheet() { return doseWorksheet; }
    public void setDoseWorksheet(String doseWorksheet) { this.doseWorksheet = doseWorksheet == null ? "" : doseWorksheet; }
}
