package app.carryover.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;

import app.carryover.caseload.ClientRecord;
import app.carryover.goals.Goal;
import app.carryover.goals.GoalTarget;
import app.carryover.homework.Adherence;
import app.carryover.homework.Assignment;
import app.carryover.homework.AssignmentProgress;
import app.carryover.homework.AssignmentStatus;
import app.carryover.homework.Dose;
import app.carryover.homework.PracticeEntry;
import app.carryover.sessions.SessionStatus;
import app.carryover.sessions.TherapySession;
import app.carryover.worksheets.WorksheetDefinition;
import app.carryover.worksheets.WorksheetLibrary;

/**
 * A client's homework record as FHIR R4 resources (DESIGN's mapping, detailed in {@code docs/fhir.md}):
 * Patient, Goal, Encounter per session, one CarePlan whose activities are the assignments as
 * ServiceRequests, Tasks per due occurrence, the Questionnaires used, a QuestionnaireResponse per
 * entry and an adherence Observation per assignment. Every reference points at a resource in the list.
 */
final class RecordResources {

    private final HomeworkRecord record;
    private final ZoneId zone;
    private final String patient;

    private RecordResources(HomeworkRecord record) {
        this.record = record;
        this.zone = record.client().timeZone();
        this.patient = "Patient/" + record.client().id();
    }

    static List<Resource> of(HomeworkRecord record) {
        return new RecordResources(record).all();
    }

    private List<Resource> all() {
        List<Resource> out = new ArrayList<>();
        out.add(patient(record.client()));
        record.goals().forEach(g -> out.add(goal(g)));
        record.sessions().forEach(s -> out.add(encounter(s)));
        if (!record.assignments().isEmpty()) {
            out.add(carePlan());
        }
        Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
        for (AssignmentProgress p : record.assignments()) {
            Assignment a = p.assignment();
            List<PracticeEntry> entries = record.entries().getOrDefault(a.id(), List.of());
            out.add(serviceRequest(p));
            out.addAll(tasks(p, entries));
            for (PracticeEntry e : entries) {
                WorksheetDefinition d = e.worksheetKey() == null ? null
                        : record.worksheets().get(HomeworkRecord.versionKey(e.worksheetKey(), e.worksheetVersion()));
                String url = d == null ? QuickLog.URL : url(d.key());
                questionnaires.computeIfAbsent(d == null ? QuickLog.ID : Fhir.questionnaireId(d.key(), d.version()),
                        k -> d == null ? QuickLog.questionnaire() : QuestionnaireExport.toQuestionnaire(d, url));
                out.add(ResponseExport.toResponse(e, d, url));
            }
            questionnaires.computeIfAbsent(questionnaireId(a), k -> questionnaire(a));
            out.add(adherence(p, entries));
        }
        Set<UUID> sessionIds = new HashSet<>();
        record.sessions().forEach(s -> sessionIds.add(s.id()));
        Set<UUID> assignmentIds = new HashSet<>();
        record.assignments().forEach(p -> assignmentIds.add(p.assignment().id()));
        for (var a : record.measures()) {
            var instrument = record.instruments().get(a.instrument());
            if (instrument == null) {
                continue;
            }
            questionnaires.computeIfAbsent(MeasureResources.questionnaireId(instrument),
                    k -> MeasureResources.questionnaire(record.client().practiceId(), instrument));
            out.addAll(MeasureResources.of(a, instrument, record.client().practiceId(), sessionIds, assignmentIds));
        }
        out.addAll(questionnaires.values());
        return out;
    }

    String url(String key) {
        return Fhir.questionnaireUrl(record.client().practiceId(), key, WorksheetLibrary.isBuiltIn(key));
    }

    private WorksheetDefinition worksheet(Assignment a) {
        return a.usesWorksheet() && a.worksheetVersion() != null
                ? record.worksheets().get(HomeworkRecord.versionKey(a.worksheetKey(), a.worksheetVersion())) : null;
    }

    private String questionnaireId(Assignment a) {
        WorksheetDefinition d = worksheet(a);
        return d == null ? QuickLog.ID : Fhir.questionnaireId(d.key(), d.version());
    }

    private Questionnaire questionnaire(Assignment a) {
        WorksheetDefinition d = worksheet(a);
        return d == null ? QuickLog.questionnaire() : QuestionnaireExport.toQuestionnaire(d, url(d.key()));
    }

    private String canonical(Assignment a) {
        WorksheetDefinition d = worksheet(a);
        return d == null ? QuickLog.URL + "|" + QuickLog.VERSION : url(d.key()) + "|" + d.version();
    }

    private static Identifier identifier(String kind, UUID id) {
        return new Identifier().setSystem(Fhir.IDENTIFIERS + kind).setValue(id.toString());
    }

    private Patient patient(ClientRecord c) {
        Patient p = new Patient();
        p.setId(c.id().toString());
        p.getMeta().setLastUpdated(Date.from(c.createdAt()));
        p.addIdentifier(identifier("client", c.id()));
        p.setActive(!c.discharged());
        p.addName().setText(c.displayName());
        p.addExtension(Fhir.CO + "time-zone", new CodeType(c.timeZone().getId()));
        return p;
    }

    private org.hl7.fhir.r4.model.Goal goal(Goal g) {
        org.hl7.fhir.r4.model.Goal f = new org.hl7.fhir.r4.model.Goal();
        f.setId(g.id().toString());
        f.getMeta().setLastUpdated(Date.from(g.updatedAt()));
        f.addIdentifier(identifier("goal", g.id()));
        f.setSubject(new Reference(patient));
        f.setDescription(new CodeableConcept().setText(g.statement()));
        switch (g.status()) {
            case ACTIVE -> f.setLifecycleStatus(GoalLifecycleStatus.ACTIVE);
            case ACHIEVED -> f.setLifecycleStatus(GoalLifecycleStatus.COMPLETED).setAchievementStatus(
                    new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "achieved", "Achieved")));
            case REVISED, DROPPED -> f.setLifecycleStatus(GoalLifecycleStatus.CANCELLED);
        }
        f.setStatusReason(g.status().label());
        f.setStart(new DateType(Date.from(g.createdAt())));
        if (g.whyItMatters() != null) {
            f.addNote().setText("Why it matters: " + g.whyItMatters());
        }
        GoalTarget t = g.target();
        if (t != null) {
            var target = f.addTarget();
            CodeableConcept measure = new CodeableConcept().setText(t.kind() == GoalTarget.Kind.MEASURE ? t.measure().label() + " total score" : t.metric());
            if (t.kind() == GoalTarget.Kind.MEASURE) {
                if (t.measure().loincTotal() != null) {
                    measure.addCoding(new Coding(Fhir.LOINC, t.measure().loincTotal(), t.measure().label() + " total score"));
                }
            }
            target.setMeasure(measure);
            Quantity detail = new Quantity().setValue(t.value());
            switch (t.comparator()) {
                case BELOW -> detail.setComparator(Quantity.QuantityComparator.LESS_THAN);
                case AT_MOST -> detail.setComparator(Quantity.QuantityComparator.LESS_OR_EQUAL);
                case ABOVE -> detail.setComparator(Quantity.QuantityComparator.GREATER_THAN);
                case AT_LEAST -> detail.setComparator(Quantity.QuantityComparator.GREATER_OR_EQUAL);
            }
            if (t.kind() == GoalTarget.Kind.MEASURE) {
                detail.setUnit("{score}").setSystem(Fhir.UCUM).setCode("{score}");
            }
            target.setDetail(detail);
            if (g.targetDate() != null) {
                target.setDue(new DateType(java.sql.Date.valueOf(g.targetDate())));
            }
            if (t.baseline() != null) {
                f.addNote().setText("Baseline: " + t.baseline().stripTrailingZeros().toPlainString());
            }
        }
        return f;
    }

    private Encounter encounter(TherapySession s) {
        Encounter e = new Encounter();
        e.setId(s.id().toString());
        e.addIdentifier(identifier("session", s.id()));
        e.setStatus(switch (s.status()) {
            case SCHEDULED -> Encounter.EncounterStatus.PLANNED;
            case HELD -> Encounter.EncounterStatus.FINISHED;
            case CANCELLED, NO_SHOW -> Encounter.EncounterStatus.CANCELLED;
        });
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.addType(new CodeableConcept().setText("Therapy session"));
        e.setSubject(new Reference(patient));
        e.setPeriod(new Period().setStart(Date.from(s.startsAt())).setEnd(Date.from(s.endsAt())));
        Duration length = new Duration();
        length.setValue(s.durationMinutes()).setUnit("min").setSystem(Fhir.UCUM).setCode("min");
        e.setLength(length);
        if (s.status() == SessionStatus.NO_SHOW) {
            e.addExtension(Fhir.CO + "session-status", new CodeType("no-show"));
        }
        return e;
    }

    private CarePlan carePlan() {
        CarePlan plan = new CarePlan();
        plan.setId(record.client().id().toString());
        plan.addIdentifier(identifier("homework-plan", record.client().id()));
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Between-session homework");
        plan.setSubject(new Reference(patient));
        plan.setCreated(Date.from(record.client().createdAt()));
        record.goals().forEach(g -> plan.addGoal(new Reference("Goal/" + g.id())));
        Instant updated = record.client().createdAt();
        for (AssignmentProgress p : record.assignments()) {
            plan.addActivity().setReference(new Reference("ServiceRequest/" + p.assignment().id()));
            updated = p.assignment().createdAt().isAfter(updated) ? p.assignment().createdAt() : updated;
        }
        plan.getMeta().setLastUpdated(Date.from(updated));
        return plan;
    }

    private ServiceRequest serviceRequest(AssignmentProgress p) {
        Assignment a = p.assignment();
        ServiceRequest r = new ServiceRequest();
        r.setId(a.id().toString());
        r.getMeta().setLastUpdated(Date.from(a.createdAt()));
        r.addIdentifier(identifier("assignment", a.id()));
        r.setStatus(switch (a.status()) {
            case ACTIVE -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case PAUSED -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DISCONTINUED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        });
        r.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        r.addCategory(new CodeableConcept().setText("Between-session homework"));
        r.setCode(new CodeableConcept().setText(a.title()));
        r.setSubject(new Reference(patient));
        r.setAuthoredOn(Date.from(a.createdAt()));
        r.setPatientInstruction(a.instructions());
        if (a.rationale() != null) {
            r.addReasonCode(new CodeableConcept().setText(a.rationale()));
        }
        if (a.assignedInSession() != null && record.sessions().stream().anyMatch(s -> s.id().equals(a.assignedInSession()))) {
            r.setEncounter(new Reference("Encounter/" + a.assignedInSession()));
        }
        if (a.previousId() != null) {
            r.addReplaces(new Reference("ServiceRequest/" + a.previousId()));
        }
        for (UUID goal : a.goalIds()) {
            r.addExtension(Fhir.EXT + "resource-pertainsToGoal", new Reference("Goal/" + goal));
        }
        r.addExtension(Fhir.CO + "difficulty", new IntegerType(a.difficulty()));
        r.setOccurrence(timing(a.dose(), p));
        return r;
    }

    /** The dose as a Timing: how often, on which days, within the homework period; its words in {@code code.text}. */
    private Timing timing(Dose dose, AssignmentProgress p) {
        Timing t = new Timing();
        t.setCode(new CodeableConcept().setText(dose.describe()));
        Timing.TimingRepeatComponent repeat = t.getRepeat();
        Period bounds = new Period().setStart(Date.from(start(p)));
        if (p.period().dueAt() != null) {
            bounds.setEnd(Date.from(p.period().dueAt()));
        }
        repeat.setBounds(bounds);
        switch (dose.kind()) {
            case PER_DAY -> repeat.setFrequency(dose.count()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
            case PER_WEEK -> repeat.setFrequency(dose.count()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
            case ON_DAYS -> {
                repeat.setFrequency(dose.count()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
                for (DayOfWeek day : new TreeSet<>(dose.weekdays())) {
                    repeat.addDayOfWeek(Timing.DayOfWeek.fromCode(day.name().substring(0, 3).toLowerCase(Locale.ROOT)));
                }
            }
            case PER_PERIOD, TRIGGER -> repeat.setCount(dose.count());
        }
        return t;
    }

    private Instant start(AssignmentProgress p) {
        Instant first = p.period().firstDay().atStartOfDay(zone).toInstant();
        return p.assignment().startsAt() != null && p.assignment().startsAt().isAfter(first) ? p.assignment().startsAt() : first;
    }

    /**
     * The due occurrences of an assignment as SDC "complete-questionnaire" Tasks: one per expected
     * day for daily doses (due at the day's end), one for the whole period otherwise (due at the
     * session). Status follows the entries: completed when the count was reached, failed when the
     * occurrence ended short of it, in progress when begun, requested before.
     */
    private List<Task> tasks(AssignmentProgress p, List<PracticeEntry> entries) {
        Assignment a = p.assignment();
        Dose dose = a.dose();
        List<PracticeEntry> counted = entries.stream().filter(p::counts).toList();
        List<Task> out = new ArrayList<>();
        LocalDate today = record.readAt().atZone(zone).toLocalDate();
        if (dose.kind() == Dose.Kind.PER_DAY || dose.kind() == Dose.Kind.ON_DAYS) {
            LocalDate until = p.period().expectUntil() != null ? p.period().expectUntil() : today.plusDays(1);
            if (!a.status().open()) {
                LocalDate closed = a.createdAt().atZone(zone).toLocalDate();
                until = until.isAfter(today.plusDays(1)) ? today.plusDays(1) : until;
                until = until.isBefore(closed) ? closed : until;
            }
            for (LocalDate day = p.period().firstDay(); day.isBefore(until); day = day.plusDays(1)) {
                if (dose.kind() == Dose.Kind.ON_DAYS && !dose.weekdays().contains(day.getDayOfWeek())) {
                    continue;
                }
                LocalDate d = day;
                List<PracticeEntry> done = counted.stream().filter(e -> e.localDate().equals(d)).toList();
                Instant from = day.atStartOfDay(zone).toInstant();
                Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
                out.add(task(a, Fhir.derivedId("task", a.id().toString(), day.toString()), from, to, dose.count(), done,
                        !record.readAt().isBefore(to)));
            }
        } else {
            Instant due = p.period().dueAt();
            boolean over = p.period().over(record.readAt());
            out.add(task(a, Fhir.derivedId("task", a.id().toString(), "period"), start(p), due, dose.count(), counted, over));
        }
        return out;
    }

    private Task task(Assignment a, String id, Instant from, Instant due, int expected, List<PracticeEntry> done, boolean over) {
        Task t = new Task();
        t.setId(id);
        t.addIdentifier(new Identifier().setSystem(Fhir.IDENTIFIERS + "task").setValue(id));
        t.setIntent(Task.TaskIntent.ORDER);
        t.setStatus(done.size() >= expected ? Task.TaskStatus.COMPLETED
                : !a.status().open() ? (done.isEmpty() ? Task.TaskStatus.CANCELLED : Task.TaskStatus.FAILED)
                : over ? Task.TaskStatus.FAILED
                : a.status() == AssignmentStatus.PAUSED ? Task.TaskStatus.ONHOLD
                : done.isEmpty() ? Task.TaskStatus.REQUESTED : Task.TaskStatus.INPROGRESS);
        t.setBusinessStatus(new CodeableConcept().setText(Math.min(done.size(), expected) + " of " + expected + " done"));
        t.setCode(new CodeableConcept(new Coding(Fhir.SDC_TASK_CODES, "complete-questionnaire", "Complete Questionnaire")));
        t.setDescription(a.title());
        t.addBasedOn(new Reference("ServiceRequest/" + a.id()));
        t.setFocus(new Reference("ServiceRequest/" + a.id()));
        t.setFor(new Reference(patient));
        t.setOwner(new Reference(patient));
        t.setAuthoredOn(Date.from(a.createdAt()));
        Instant modified = done.stream().map(PracticeEntry::createdAt).max(Instant::compareTo).orElse(a.createdAt());
        t.setLastModified(Date.from(modified.isBefore(a.createdAt()) ? a.createdAt() : modified));
        t.getMeta().setLastUpdated(t.getLastModified());
        Period period = new Period().setStart(Date.from(from));
        if (due != null) {
            period.setEnd(Date.from(due));
        }
        t.setRestriction(new Task.TaskRestrictionComponent().setRepetitions(expected).setPeriod(period));
        t.addInput().setType(new CodeableConcept(new Coding(Fhir.SDC_TASK_CODES, "questionnaire", "Questionnaire")))
                .setValue(new CanonicalType(canonical(a)));
        for (PracticeEntry e : done) {
            t.addOutput().setType(new CodeableConcept(new Coding(Fhir.SDC_TASK_CODES, "questionnaire-response",
                    "Questionnaire Response"))).setValue(new Reference("QuestionnaireResponse/" + e.id()));
        }
        return t;
    }

    /** Adherence over the assignment's period (so far, while it runs) as a derived Observation. */
    private Observation adherence(AssignmentProgress p, List<PracticeEntry> entries) {
        Assignment a = p.assignment();
        Adherence adh = p.whole() != null && p.period().over(record.readAt()) ? p.whole() : p.soFar();
        Observation o = new Observation();
        o.setId(Fhir.derivedId("adherence", a.id().toString()));
        o.setStatus(p.period().over(record.readAt()) ? Observation.ObservationStatus.FINAL : Observation.ObservationStatus.PRELIMINARY);
        o.addCategory(new CodeableConcept(new Coding(Fhir.OBSERVATION_CATEGORY, "therapy", "Therapy")));
        o.setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "homework-adherence", "Homework adherence"))
                .setText("Homework adherence: practice done against the dose"));
        o.setSubject(new Reference(patient));
        o.addBasedOn(new Reference("ServiceRequest/" + a.id()));
        for (UUID goal : a.goalIds()) {
            o.addExtension(Fhir.EXT + "resource-pertainsToGoal", new Reference("Goal/" + goal));
        }
        // A running period has no end yet, so the resource changes only when practice is logged.
        Period effective = new Period().setStart(Date.from(p.period().firstDay().atStartOfDay(zone).toInstant()));
        if (p.period().over(record.readAt())) {
            Instant end = p.period().dueAt();
            effective.setEnd(Date.from(end.isBefore(effective.getStart().toInstant()) ? effective.getStart().toInstant() : end));
            o.setIssued(effective.getEnd());
        }
        o.setEffective(effective);
        List<PracticeEntry> counted = entries.stream().filter(p::counts).toList();
        Instant updated = counted.stream().map(PracticeEntry::createdAt).max(Instant::compareTo).orElse(a.createdAt());
        o.getMeta().setLastUpdated(Date.from(updated));
        if (adh == null || adh.quantity() == null) {
            o.setDataAbsentReason(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason",
                    "not-applicable", "Not Applicable")).setText("no practice expected yet"));
        } else {
            o.setValue(percent(adh.quantity()));
            o.addComponent().setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "practices-expected", "Practices expected")))
                    .setValue(count(BigDecimal.valueOf(adh.expected()).setScale(2, RoundingMode.HALF_UP)));
            o.addComponent().setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "practices-done", "Practices that count")))
                    .setValue(count(BigDecimal.valueOf(adh.done()).setScale(2, RoundingMode.HALF_UP)));
            o.addComponent().setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "practices-logged", "Practices logged")))
                    .setValue(new IntegerType(adh.logged()));
            if (adh.clinicianRating() != null) {
                o.addComponent().setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "quality-clinician", "Quality rated by the clinician (0-4)")))
                        .setValue(new IntegerType(adh.clinicianRating()));
            }
            if (adh.clientRating() != null) {
                o.addComponent().setCode(new CodeableConcept(new Coding(Fhir.CO_CODES, "quality-client", "Quality rated by the client (0-4)")))
                        .setValue(new IntegerType(adh.clientRating()));
            }
        }
        counted.forEach(e -> o.addDerivedFrom(new Reference("QuestionnaireResponse/" + e.id())));
        return o;
    }

    private static Quantity percent(double share) {
        return new Quantity().setValue(BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP))
                .setUnit("%").setSystem(Fhir.UCUM).setCode("%");
    }

    private static Quantity count(BigDecimal n) {
        return new Quantity().setValue(n.stripTrailingZeros()).setUnit("practices").setSystem(Fhir.UCUM).setCode("{practices}");
    }
}
