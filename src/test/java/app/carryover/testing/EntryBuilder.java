package app.carryover.testing;

import java.time.Instant;
import java.util.UUID;

import app.carryover.homework.EntryInput;

/**
 * A client's practice entry as a device sends it, by name: a new entry id each time (so it counts
 * once), logged now, no rating, note or worksheet answers unless given.
 *
 * <pre>
 * log.log(client, assignment.id(), entry().at(Instant.parse("2026-03-04T08:00:00Z")).rating(6).build());
 * </pre>
 */
public final class EntryBuilder {

    private UUID clientEntryId = UUID.randomUUID();
    private Instant occurredAt;
    private Integer rating;
    private String note;
    private String answers;

    private EntryBuilder() {
    }

    public static EntryBuilder entry() {
        return new EntryBuilder();
    }

    /** The id the device made: the same id again is a retried submission. */
    public EntryBuilder id(UUID clientEntryId) {
        this.clientEntryId = clientEntryId;
        return this;
    }

    /** When the practice happened, by the device's clock; null (the default) for now. */
    public EntryBuilder at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public EntryBuilder rating(Integer rating) {
        this.rating = rating;
        return this;
    }

    public EntryBuilder note(String note) {
        this.note = note;
        return this;
    }

    /** Worksheet answers as JSON. */
    public EntryBuilder answers(String answers) {
        this.answers = answers;
        return this;
    }

    public EntryInput build() {
        return new EntryInput(clientEntryId, occurredAt, rating, note, answers);
    }
}
