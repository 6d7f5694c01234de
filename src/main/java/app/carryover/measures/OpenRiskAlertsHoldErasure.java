package app.carryover.measures;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.carryover.caseload.Erasures;

/** A client's erasure request is held for review while a risk alert of theirs is not acknowledged. */
@Component
class OpenRiskAlertsHoldErasure implements Erasures.Hold {

    private final JdbcClient jdbc;

    OpenRiskAlertsHoldErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> reasonToHold(UUID practiceId, UUID clientId) {
        long open = jdbc.sql("SELECT count(*) FROM risk_alert WHERE practice_id = ? AND client_id = ? AND acknowledged_at IS NULL")
                .params(practiceId, clientId).query(Long.class).single();
        return open == 0 ? Optional.empty()
                : Optional.of(open + " open risk alert" + (open == 1 ? "" : "s") + " to acknowledge first");
    }
}
