package app.carryover.worksheets;

import java.time.LocalDate;

/**
 * What to print in the header besides the worksheet: the client's name and a date (the entry's
 * date for a filled copy). Either may be null, leaving a line to write on.
 */
public record PrintOptions(String clientName, LocalDate date) {

    public static PrintOptions none() {
        return new PrintOptions(null, null);
    }
}
