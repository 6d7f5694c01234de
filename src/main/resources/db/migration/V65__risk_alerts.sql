-- Risk alerts raised by risk answers, their acknowledgement and escalation, and each practice's
-- escalation rule (how many working hours, and which hours are working hours).

CREATE TABLE measure_settings (
    practice_id        uuid        NOT NULL PRIMARY KEY REFERENCES practice (id),
    escalation_hours   int         NOT NULL CHECK (escalation_hours BETWEEN 1 AND 72),
    workday_start_hour int         NOT NULL CHECK (workday_start_hour BETWEEN 0 AND 23),
    workday_end_hour   int         NOT NULL CHECK (workday_end_hour BETWEEN 1 AND 24),
    working_days       int[]       NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         uuid        NOT NULL,
    CHECK (workday_end_hour > workday_start_hour),
    CHECK (cardinality(working_days) BETWEEN 1 AND 7)
);

CREATE TABLE risk_alert (
    practice_id       uuid        NOT NULL,
    id                uuid        NOT NULL,
    client_id         uuid        NOT NULL,
    administration_id uuid        NOT NULL,
    instrument        text        NOT NULL,
    items             int[]       NOT NULL,
    raised_at         timestamptz NOT NULL,
    escalate_at       timestamptz NOT NULL,
    escalated_at      timestamptz,
    escalated_to      int,
    acknowledged_at   timestamptz,
    acknowledged_by   uuid,
    action            text        CHECK (action IN ('CONTACTED_CLIENT', 'SAFETY_PLAN_REVIEWED', 'OTHER')),
    note              text        CHECK (length(note) <= 2000),
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, administration_id) REFERENCES measure_administration (practice_id, id),
    CHECK ((acknowledged_at IS NULL) = (action IS NULL))
);
CREATE INDEX risk_alert_client_idx ON risk_alert (practice_id, client_id, raised_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['measure_settings', 'risk_alert']
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
