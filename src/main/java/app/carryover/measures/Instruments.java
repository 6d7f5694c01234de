package app.carryover.measures;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.measures.Instrument.Item;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.Role;
import app.carryover.system.Uuids;

/**
 * Every instrument a practice can give: the built-in questionnaires and homework ratings, and the
 * single ratings the practice added itself (admins add and retire them; a retired one stays readable
 * for the answers already given).
 */
@Service
public class Instruments {

    /** What an admin types to add a custom measure. */
    public record CustomInput(String name, String question, Integer min, Integer max, String minLabel, String maxLabel,
            Boolean higherIsWorse, Integer riskAt) {
    }

    private final CustomMeasureRepository custom;
    private final AuditTrail audit;
    private final Clock clock;

    Instruments(CustomMeasureRepository custom, AuditTrail audit, Clock clock) {
        this.custom = custom;
        this.audit = audit;
        this.clock = clock;
    }

    /** The built-in instrument of a standard measure. */
    public static Instrument of(Measure measure) {
        return StandardInstruments.of(measure);
    }

    /** The client's rating of a piece of homework. */
    public static Instrument homeworkByClient() {
        return StandardInstruments.HOMEWORK_BY_CLIENT;
    }

    /** The clinician's rating of a piece of homework (clinician-only). */
    public static Instrument homeworkByClinician() {
        return StandardInstruments.HOMEWORK_BY_CLINICIAN;
    }

    /** Everything the practice can give now: the standard questionnaires, then its active custom ratings. */
    public List<Instrument> available(UUID practiceId) {
        List<Instrument> all = new ArrayList<>(List.of(StandardInstruments.PHQ9, StandardInstruments.GAD7,
                StandardInstruments.PHQ8));
        custom.forPractice(practiceId).stream().filter(CustomMeasure::active).map(Instruments::instrument).forEach(all::add);
        return all;
    }

    /** Any instrument by key, retired custom ones included (for answers already given). */
    public Optional<Instrument> find(UUID practiceId, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Instrument builtIn = StandardInstruments.byKey(key);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        return parse(key).flatMap(id -> custom.find(practiceId, id)).map(Instruments::instrument);
    }

    /** An instrument that can be given now (not a retired custom measure), or 404. */
    Instrument givable(UUID practiceId, String key) {
        Instrument instrument = find(practiceId, key).orElseThrow(() -> ProblemException.notFound("Questionnaire"));
        if (instrument.customMeasureId() != null && custom.find(practiceId, instrument.customMeasureId())
                .map(c -> !c.active()).orElse(true)) {
            throw ProblemException.conflict("The practice no longer uses " + instrument.name() + ".");
        }
        return instrument;
    }

    /** The practice's custom measures, for its admins (retired ones too) and clinicians. */
    public List<CustomMeasure> custom(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("Only the practice's staff see its measures.");
        }
        return custom.forPractice(actor.practiceId());
    }

    @Transactional
    public CustomMeasure addCustom(Actor admin, CustomInput in) {
        requireAdmin(admin);
        List<FieldProblem> problems = new ArrayList<>();
        String name = clean(in.name());
        String question = clean(in.question());
        String minLabel = clean(in.minLabel());
        String maxLabel = clean(in.maxLabel());
        if (name.isEmpty() || name.length() > 60) {
            problems.add(new FieldProblem("name", "must be 1 to 60 characters"));
        }
        if (question.isEmpty() || question.length() > 300) {
            problems.add(new FieldProblem("question", "must be 1 to 300 characters"));
        }
        if (in.min() == null || in.min() < 0 || in.min() > 999) {
            problems.add(new FieldProblem("min", "must be a whole number from 0 to 999"));
        }
        if (in.max() == null || in.max() < 1 || in.max() > 1000) {
            problems.add(new FieldProblem("max", "must be a whole number from 1 to 1,000"));
        } else if (in.min() != null && in.max() <= in.min()) {
            problems.add(new FieldProblem("max", "must be above the lowest answer, or the scale is empty"));
        }
        if (minLabel.isEmpty() || minLabel.length() > 60) {
            problems.add(new FieldProblem("minLabel", "say what the lowest answer means, in 1 to 60 characters"));
        }
        if (maxLabel.isEmpty() || maxLabel.length() > 60) {
            problems.add(new FieldProblem("maxLabel", "say what the highest answer means, in 1 to 60 characters"));
        }
        if (in.riskAt() != null && in.min() != null && in.max() != null
                && (in.riskAt() < in.min() || in.riskAt() > in.max())) {
            problems.add(new FieldProblem("riskAt", "must be on the scale, from " + in.min() + " to " + in.max()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        CustomMeasure measure = new CustomMeasure(admin.practiceId(), Uuids.timeOrdered(), name, question, in.min(),
                in.max(), minLabel, maxLabel, Boolean.TRUE.equals(in.higherIsWorse()), in.riskAt(), clock.instant(), null);
        if (StandardInstruments.ALL.stream().anyMatch(i -> i.name().equalsIgnoreCase(name))
                || !custom.insert(measure, admin.accountId())) {
            throw ProblemException.invalid("name", "is already the name of one of the practice's measures");
        }
        audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "custom measure", measure.id(),
                "added " + name + " (" + in.min() + "–" + in.max() + (in.riskAt() == null ? "" : ", risk at " + in.riskAt()) + ")"));
        return measure;
    }

    /** Retires a custom measure: no longer offered or scheduled; answers already given stay. */
    @Transactional
    public void retireCustom(Actor admin, UUID id) {
        requireAdmin(admin);
        CustomMeasure measure = custom.find(admin.practiceId(), id).orElseThrow(() -> ProblemException.notFound("Measure"));
        if (!custom.retire(admin.practiceId(), measure.id(), clock.instant())) {
            throw ProblemException.conflict(measure.name() + " is already retired.");
        }
        audit.record(AuditEntry.by(admin, null, AuditAction.SETTINGS, "custom measure", measure.id(), "retired " + measure.name()));
    }

    static Instrument instrument(CustomMeasure m) {
        Item item = new Item(1, m.question(), null, List.of(), m.min(), m.max(), m.minLabel(), m.maxLabel(), true, m.riskAt());
        return new Instrument(m.id().toString(), m.name(), m.name(), null, Instrument.Kind.CUSTOM,
                Instrument.Respondent.CLIENT, null, List.of(item), List.of(), 0, m.higherIsWorse(), m.id(),
                "Added by the practice.");
    }

    private static Optional<UUID> parse(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only the practice's admins change its measures.");
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
