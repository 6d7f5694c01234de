package app.carryover.progress;

import java.util.Locale;

/**
 * Adherence against outcome as CSV: one row per client and period, pseudonymised ids unless the
 * clinician asked for record ids of their own caseload. Only numbers, dates and ids: no free text,
 * so nothing needs quoting and nothing can smuggle a spreadsheet formula.
 */
final class AssociationCsv {

    static final String HEADER = "client,period_from,period_to,instrument,loinc_total,scores,first_score,last_score,"
            + "improvement,adherence_quantity_pct,adherence_quality_0_4,doses_expected,doses_done";

    private AssociationCsv() {
    }

    static String write(OutcomeAssociation.Result result, boolean recordIds) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        String loinc = result.instrument().measure() == null || result.instrument().measure().loincTotal() == null ? ""
                : result.instrument().measure().loincTotal();
        for (OutcomeAssociation.Row r : result.rows()) {
            csv.append(recordIds ? r.clientId().toString() : r.pseudonym()).append(',').append(r.from()).append(',')
                    .append(r.to()).append(',').append(result.instrument().key()).append(',').append(loinc).append(',')
                    .append(r.scores()).append(',').append(value(r.firstScore())).append(',').append(value(r.lastScore()))
                    .append(',').append(value(r.improvement())).append(',').append(number(r.quantity())).append(',')
                    .append(number(r.quality())).append(',').append(number(r.expected())).append(',')
                    .append(number(r.done())).append("\r\n");
        }
        return csv.toString();
    }

    private static String value(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
