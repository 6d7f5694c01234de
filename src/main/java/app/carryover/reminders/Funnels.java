package app.carryover.reminders;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The delivery funnel: for each reminder, scheduled (it came due) → sent → delivered (where the
 * channel reports it) → opened (a link of its message was used) → practised (practice logged on its
 * day after it came). Per client and assignment for the care team, per channel for the admin.
 */
@Service
class Funnels {

    /** One assignment's funnel ("reminded 6 times, opened 4, practised 3"); a null id is the reflection before sessions. */
    record Steps(UUID assignmentId, long scheduled, long sent, long delivered, long opened, long practised,
            long notSent) {
    }

    /** One channel's messages for the admin. */
    record ChannelCounts(String channel, long messages, long sent, long delivered, long opened, long retrying,
            long failed, long dead, long expired, long cancelled) {
    }

    static final int DAYS = 28;

    private final JdbcClient jdbc;
    private final Clock clock;

    Funnels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate since(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate().minusDays(DAYS - 1);
    }

    /** Per assignment over the client's last four weeks (questionnaires apart: see {@link #questionnairesOf}). */
    Map<UUID, Steps> ofClient(UUID practiceId, UUID clientId, LocalDate since) {
        return steps(practiceId, clientId, since, "r.subject <> 'MEASURE'");
    }

    /** The client's questionnaire reminders over the last four weeks ("practised": answered after one came). */
    Optional<Steps> questionnairesOf(UUID practiceId, UUID clientId, LocalDate since) {
        return steps(practiceId, clientId, since, "r.subject = 'MEASURE'").values().stream().findFirst();
    }

    private Map<UUID, Steps> steps(UUID practiceId, UUID clientId, LocalDate since, String subjects) {
        Map<UUID, Steps> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.assignment_id,
                  count(*) FILTER (WHERE r.state IN ('QUEUED', 'NOT_SENT', 'SNOOZED', 'SKIPPED')) AS scheduled,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reminder_message_item i JOIN reminder_message m
                      ON m.practice_id = i.practice_id AND m.id = i.message_id
                      WHERE i.practice_id = r.practice_id AND i.reminder_id = r.id AND m.sent_at IS NOT NULL)) AS sent,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reminder_message_item i JOIN reminder_message m
                      ON m.practice_id = i.practice_id AND m.id = i.message_id
                      WHERE i.practice_id = r.practice_id AND i.reminder_id = r.id AND m.delivered_at IS NOT NULL)) AS delivered,
                  count(*) FILTER (WHERE r.opened_at IS NOT NULL) AS opened,
                  count(*) FILTER (WHERE r.practised_at IS NOT NULL) AS practised,
                  count(*) FILTER (WHERE r.state = 'NOT_SENT') AS not_sent
                FROM reminder r WHERE r.practice_id = ? AND r.client_id = ? AND r.local_date >= ? AND r.due_at <= ?
                AND %s
                GROUP BY r.assignment_id ORDER BY min(r.due_at)""".formatted(subjects))
                .params(practiceId, clientId, Date.valueOf(since), Timestamp.from(clock.instant()))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    result.put(id, new Steps(id, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7)));
                });
        return result;
    }

    /** Per channel over the practice's last four weeks. */
    List<ChannelCounts> ofPractice(UUID practiceId, LocalDate since) {
        List<ChannelCounts> result = new ArrayList<>();
        jdbc.sql("""
                SELECT channel, count(*), count(sent_at), count(delivered_at), count(opened_at),
                  count(*) FILTER (WHERE state = 'RETRYING'), count(*) FILTER (WHERE state = 'FAILED'),
                  count(*) FILTER (WHERE state = 'DEAD'), count(*) FILTER (WHERE state = 'EXPIRED'),
                  count(*) FILTER (WHERE state = 'CANCELLED')
                FROM reminder_message WHERE practice_id = ? AND local_date >= ? GROUP BY channel ORDER BY channel""")
                .params(practiceId, Date.valueOf(since))
                .query(rs -> {
                    result.add(new ChannelCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                });
        return result;
    }

    /** Messages that need the admin's eye: retrying, failed, dead or expired, newest first. */
    List<StoredMessage> troubles(UUID practiceId, LocalDate since) {
        return jdbc.sql("""
                SELECT * FROM reminder_message WHERE practice_id = ? AND local_date >= ?
                AND state IN ('RETRYING', 'FAILED', 'DEAD', 'EXPIRED') ORDER BY due_at DESC LIMIT 200""")
                .params(practiceId, Date.valueOf(since)).query(MessageRepository::map).list();
    }

    /** Webhook calls refused anywhere on this installation in the period (they carry no practice). */
    long refusedWebhooks(Instant since) {
        return jdbc.sql("SELECT count(*) FROM reminder_webhook_refusal WHERE received_at >= ?")
                .param(Timestamp.from(since)).query(Long.class).single();
    }
}
