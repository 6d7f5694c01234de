-- Alerts to a practice's admins when one account reads many more clients' records than it usually
-- does in a short time (docs/reliability.md, "Unusual access"). Counted from the audit rows reads
-- already write, by background work; nothing is added to the read path.

-- A practice's thresholds (defaults in the code while it has none): an alert is raised when an
-- account reads at least `floor` different clients within `window_minutes`, and at least `multiple`
-- times as many as in its usual busy stretch of that length over the last `baseline_days`.
CREATE TABLE access_alert_policy (
    practice_id     uuid        PRIMARY KEY REFERENCES practice (id),
    window_minutes  int         NOT NULL CHECK (window_minutes BETWEEN 15 AND 1440),
    multiple        int         NOT NULL CHECK (multiple BETWEEN 2 AND 20),
    floor           int         NOT NULL CHECK (floor BETWEEN 5 AND 10000),
    baseline_days   int         NOT NULL CHECK (baseline_days BETWEEN 7 AND 180),
    changed_at      timestamptz NOT NULL,
    changed_by      uuid        NOT NULL
);

-- One alert: who, how many different clients in which stretch, against what was usual for them,
-- who was told, and the admin's acknowledgement.
CREATE TABLE access_alert (
    practice_id        uuid        NOT NULL,
    id                 uuid        NOT NULL,
    account_id         uuid        NOT NULL,
    account_label      text        NOT NULL,
    window_start       timestamptz NOT NULL,
    window_end         timestamptz NOT NULL,
    first_read_at      timestamptz NOT NULL,
    last_read_at       timestamptz NOT NULL,
    clients            int         NOT NULL,
    usual              int         NOT NULL,
    threshold          int         NOT NULL,
    window_minutes     int         NOT NULL,
    baseline_days      int         NOT NULL,
    raised_at          timestamptz NOT NULL,
    mailed_to          int         NOT NULL DEFAULT 0,
    acknowledged_at    timestamptz,
    acknowledged_by    uuid,
    acknowledged_label text,
    acknowledgement    text        CHECK (length(acknowledgement) <= 1000),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE INDEX access_alert_raised_idx ON access_alert (practice_id, raised_at DESC);
CREATE INDEX access_alert_account_idx ON access_alert (practice_id, account_id, window_end);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['access_alert_policy', 'access_alert']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($policy$
            CREATE POLICY practice_fence ON public.%I FOR ALL
            USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            $policy$, t);
    END LOOP;
END;
$$;
