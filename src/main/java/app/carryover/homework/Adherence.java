package app.carryover.homework;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import app.carryover.system.ClinicianOnly;

/**
 * How much of the asked-for practice was done in a period: quantity (done against expected, from
 * the dose) and, once reviewed, quality (the clinician's and the client's ratings, 0–4). Both are
 * kept, as the research measures both.
 *
 * <p>Paused days expect nothing; each day counts at most {@link Dose#dailyCap(int)} practices; the
 * total done never exceeds what was expected.
 *
 * @param expected practices expected in the period (may be fractional for weekly doses cut short)
 * @param done     practices that count, after the caps
 * @param logged   entries actually recorded, before caps
 */
public record Adherence(double expected, double done, int logged, @ClinicianOnly Integer clinicianRating,
        Integer clientRating) {

    /** Done as a share of expected (0–1), or null when nothing was expected yet. */
    public Double quantity() {
        return expected <= 0 ? null : Math.min(1.0, done / expected);
    }

    /** A whole number for display ("5 of 12"). */
    public long expectedRounded() {
        return Math.round(expected);
    }

    public long doneRounded() {
        return (long) Math.floor(done);
    }

    public Adherence withRatings(Integer clinician, Integer client) {
        return new Adherence(expected, done, logged, clinician, client);
    }

    /**
     * Adherence over the client-local days {@code [from, until)}.
     *
     * @param periodDays  the length of the whole homework period in days (for period doses)
     * @param logsPerDay  the period's entries per local date (deleted ones and those outside the
     *                    {@link Period} already left out). A day on or after {@code until} still
     *                    counts: practice on the morning of the session belongs to the period that
     *                    ends at it, though that day expects nothing.
     */
    static Adherence compute(Dose dose, LocalDate from, LocalDate until, int periodDays, Set<LocalDate> paused,
            Map<LocalDate, Integer> logsPerDay) {
        int activeDays = 0;
        double expected = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            if (paused.contains(day)) {
                continue;
            }
            activeDays++;
            expected += dose.expectedOn(day);
        }
        if (dose.countedOverPeriod()) {
            double share = periodDays <= 0 ? 0 : Math.min(1.0, (double) activeDays / periodDays);
            expected = dose.kind() == Dose.Kind.PER_WEEK ? dose.count() * activeDays / 7.0 : dose.count() * share;
        }
        int cap = dose.dailyCap(periodDays);
        double done = 0;
        int logged = 0;
        for (Map.Entry<LocalDate, Integer> day : logsPerDay.entrySet()) {
            logged += day.getValue();
            if (!day.getKey().isBefore(from)) {
                done += Math.min(day.getValue(), cap);
            }
        }
        return new Adherence(expected, Math.min(done, Math.ceil(expected - 1e-9)), logged, null, null);
    }
}
