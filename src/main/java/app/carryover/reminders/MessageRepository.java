package app.carryover.reminders;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place that knows the reminder message table. Every change of state is one conditional
 * {@code UPDATE}, so two nodes (or a node and its own earlier, crashed run) can never both move a
 * message on from the same state.
 */
@Repository
class MessageRepository {

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message once per client, channel and moment; false when it already exists. */
    boolean insert(UUID practiceId, UUID id, UUID clientId, String channel, Instant dueAt, LocalDate day, String address,
            byte[] linkHash, byte[] linkSealed, Instant now) {
        return jdbc.sql("""
                INSERT INTO reminder_message (practice_id, id, client_id, channel, due_at, local_date, address, state,
                    link_hash, link_sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)
                ON CONFLICT (practice_id, client_id, channel, due_at) DO NOTHING""")
                .params(practiceId, id, clientId, channel, Timestamp.from(dueAt), Date.valueOf(day), address,
                        linkHash, linkSealed, Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    Optional<StoredMessage> find(UUID practiceId, UUID id) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE practice_id = ? AND id = ?").params(practiceId, id)
                .query(MessageRepository::map).optional();
    }

    /** The message a link's secret belongs to, from any practice (the link is all the visitor has). */
    Optional<StoredMessage> byLink(byte[] hash) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE link_hash = ?").param(hash).query(MessageRepository::map).optional();
    }

    Optional<StoredMessage> byProvider(String channel, String providerRef) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE channel = ? AND provider_ref = ?").params(channel, providerRef)
                .query(MessageRepository::map).optional();
    }

    List<StoredMessage> atMoment(UUID practiceId, UUID clientId, Instant dueAt) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE practice_id = ? AND client_id = ? AND due_at = ? ORDER BY channel")
                .params(practiceId, clientId, Timestamp.from(dueAt)).query(MessageRepository::map).list();
    }

    /**
     * Claims a message for its n-th attempt: the first from QUEUED, a later one from RETRYING after
     * attempt n-1, or attempt n again when the node making it died while SENDING (the scheduler runs
     * that same execution again). False when another run has it or it is settled, so no two runs
     * ever send one message at once.
     */
    boolean claim(UUID practiceId, UUID id, int attempt, Instant now) {
        return jdbc.sql("""
                UPDATE reminder_message SET state = 'SENDING', attempts = ?, next_attempt_at = NULL, updated_at = ?
                WHERE practice_id = ? AND id = ? AND ((state = 'QUEUED' AND attempts = 0 AND ? = 1)
                    OR (state = 'RETRYING' AND attempts = ? - 1) OR (state = 'SENDING' AND attempts = ?))""")
                .params(attempt, Timestamp.from(now), practiceId, id, attempt, attempt, attempt).update() == 1;
    }

    void handedOver(UUID practiceId, UUID id, Instant now) {
        move(practiceId, id, MessageState.SENDING, MessageState.HANDED_OVER, now);
    }

    void sent(UUID practiceId, UUID id, String providerRef, String note, Instant now) {
        jdbc.sql("""
                UPDATE reminder_message SET state = 'SENT', provider_ref = coalesce(?, provider_ref), last_error = ?, sent_at = ?,
                    updated_at = ? WHERE practice_id = ? AND id = ? AND state IN ('SENDING', 'HANDED_OVER')""")
                .params(providerRef, note, Timestamp.from(now), Timestamp.from(now), practiceId, id).update();
    }

    void retrying(UUID practiceId, UUID id, String error, Instant next, Instant now) {
        jdbc.sql("""
                UPDATE reminder_message SET state = 'RETRYING', last_error = ?, next_attempt_at = ?, updated_at = ?
                WHERE practice_id = ? AND id = ? AND state = 'SENDING'""")
                .params(error, Timestamp.from(next), Timestamp.from(now), practiceId, id).update();
    }

    /** Ends a message (FAILED, DEAD, CANCELLED, EXPIRED) if it is still in one of the given states. */
    boolean settle(UUID practiceId, UUID id, Set<MessageState> from, MessageState end, String error, Instant now) {
        boolean failure = end == MessageState.FAILED || end == MessageState.DEAD;
        return jdbc.sql("""
                UPDATE reminder_message SET state = ?, last_error = ?, next_attempt_at = NULL, updated_at = ?,
                    failed_at = CASE WHEN ? THEN ? ELSE failed_at END
                WHERE practice_id = ? AND id = ? AND state = ANY (?)""")
                .params(end.name(), error, Timestamp.from(now), failure, Timestamp.from(now), practiceId, id, names(from))
                .update() == 1;
    }

    /** A provider's receipt: delivered (after sent), never backwards. */
    boolean delivered(UUID practiceId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE reminder_message SET state = 'DELIVERED', delivered_at = ?, updated_at = ?
                WHERE practice_id = ? AND id = ? AND state IN ('SENDING', 'HANDED_OVER', 'SENT')""")
                .params(Timestamp.from(now), Timestamp.from(now), practiceId, id).update() == 1;
    }

    /** The admin sends a dead or failed message again. */
    boolean requeue(UUID practiceId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE reminder_message SET state = 'RETRYING', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE practice_id = ? AND id = ? AND state IN ('DEAD', 'FAILED', 'EXPIRED')""")
                .params(Timestamp.from(now), Timestamp.from(now), practiceId, id).update() == 1;
    }

    /** The first time a link of the message is followed; true when this call was the first. */
    boolean opened(UUID practiceId, UUID id, Instant now) {
        return jdbc.sql("UPDATE reminder_message SET opened_at = ? WHERE practice_id = ? AND id = ? AND opened_at IS NULL")
                .params(Timestamp.from(now), practiceId, id).update() == 1;
    }

    /** Uses up the sign-in of a message's link; true only for the one call that did. */
    boolean useSignIn(UUID practiceId, UUID id, Instant now) {
        return jdbc.sql("UPDATE reminder_message SET signed_in_at = ? WHERE practice_id = ? AND id = ? AND signed_in_at IS NULL")
                .params(Timestamp.from(now), practiceId, id).update() == 1;
    }

    List<StoredMessage> ofClientSince(UUID practiceId, UUID clientId, LocalDate since) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE practice_id = ? AND client_id = ? AND local_date >= ? ORDER BY due_at")
                .params(practiceId, clientId, Date.valueOf(since)).query(MessageRepository::map).list();
    }

    List<StoredMessage> ofPracticeSince(UUID practiceId, LocalDate since) {
        return jdbc.sql("SELECT * FROM reminder_message WHERE practice_id = ? AND local_date >= ? ORDER BY due_at DESC")
                .params(practiceId, Date.valueOf(since)).query(MessageRepository::map).list();
    }

    private void move(UUID practiceId, UUID id, MessageState from, MessageState to, Instant now) {
        jdbc.sql("UPDATE reminder_message SET state = ?, updated_at = ? WHERE practice_id = ? AND id = ? AND state = ?")
                .params(to.name(), Timestamp.from(now), practiceId, id, from.name()).update();
    }

    private static String[] names(Set<MessageState> states) {
        return states.stream().map(Enum::name).toArray(String[]::new);
    }

    static StoredMessage map(ResultSet rs, int n) throws SQLException {
        return new StoredMessage(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("channel"), rs.getTimestamp("due_at").toInstant(),
                rs.getDate("local_date").toLocalDate(), rs.getString("address"), MessageState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("provider_ref"),
                rs.getBytes("link_sealed"), instant(rs, "signed_in_at"), instant(rs, "opened_at"), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "delivered_at"), instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
