package app.carryover.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who read how many different clients' records, counted from the audit rows reads already write
 * (a READ or EXPORT row naming a client, by a signed-in account). For background work that watches
 * for unusual access; nothing here is on a request's path, and every query is a range of the
 * practice-led indexes on (practice, time) or (practice, account, time).
 */
@Service
public class ClientReads {

    /** One account's reads in a stretch of time: how many different clients, the first and last read. */
    public record Reader(UUID accountId, String label, int clients, Instant firstRead, Instant lastRead) {
    }

    private static final String READS = "action IN ('READ', 'EXPORT') AND client_id IS NOT NULL AND actor_id IS NOT NULL";

    private final JdbcClient jdbc;

    ClientReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Accounts of the practice that read at least {@code atLeast} different clients' records from
     * {@code from} up to and including {@code to} (a read at the very moment of asking counts).
     */
    public List<Reader> readersOfMany(UUID practiceId, Instant from, Instant to, int atLeast) {
        return jdbc.sql("SELECT actor_id, (array_agg(actor_label ORDER BY seq DESC))[1] AS label, "
                + "count(DISTINCT client_id) AS clients, min(at) AS first_read, max(at) AS last_read "
                + "FROM audit_event WHERE practice_id = ? AND at >= ? AND at <= ? AND " + READS
                + " GROUP BY actor_id HAVING count(DISTINCT client_id) >= ? ORDER BY clients DESC")
                .params(practiceId, Timestamp.from(from), Timestamp.from(to), atLeast)
                .query((rs, n) -> new Reader(rs.getObject("actor_id", UUID.class), rs.getString("label"),
                        rs.getInt("clients"), rs.getTimestamp("first_read").toInstant(),
                        rs.getTimestamp("last_read").toInstant()))
                .list();
    }

    /**
     * How many different clients the account read in each stretch of {@code window} (aligned to
     * whole multiples of it) within [from, to) in which it read any; stretches without reads are left out.
     */
    public List<Integer> clientsPerWindow(UUID practiceId, UUID accountId, Instant from, Instant to, Duration window) {
        return jdbc.sql("SELECT count(DISTINCT client_id) FROM audit_event WHERE practice_id = ? AND actor_id = ? "
                + "AND at >= ? AND at < ? AND " + READS
                + " GROUP BY date_bin(make_interval(secs => ?), at, TIMESTAMPTZ '2000-01-01 00:00:00+00')")
                .params(practiceId, accountId, Timestamp.from(from), Timestamp.from(to), (double) window.toSeconds())
                .query(Integer.class).list();
    }
}
