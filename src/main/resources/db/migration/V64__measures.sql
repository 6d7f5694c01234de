-- Measures: custom single ratings a practice adds, schedules per client, and every completed
-- questionnaire or rating with the score worked out when it was saved.

CREATE TABLE custom_measure (
    practice_id     uuid        NOT NULL REFERENCES practice (id),
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    question        text        NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    scale_min       int         NOT NULL CHECK (scale_min >= 0),
    scale_max       int         NOT NULL CHECK (scale_max <= 1000),
    min_label       text        NOT NULL CHECK (length(min_label) BETWEEN 1 AND 60),
    max_label       text        NOT NULL CHECK (length(max_label) BETWEEN 1 AND 60),
    higher_is_worse boolean     NOT NULL,
    risk_at         int,
    created_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL,
    retired_at      timestamptz,
    PRIMARY KEY (practice_id, id),
    CHECK (scale_max > scale_min),
    CHECK (risk_at IS NULL OR risk_at BETWEEN scale_min AND scale_max)
);
CREATE UNIQUE INDEX custom_measure_name_idx ON custom_measure (practice_id, lower(name)) WHERE retired_at IS NULL;

CREATE TABLE measure_schedule (
    practice_id     uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    instrument      text        NOT NULL CHECK (length(instrument) BETWEEN 1 AND 40),
    kind            text        NOT NULL CHECK (kind IN ('BEFORE_EACH_SESSION', 'EVERY_N_WEEKS', 'AT_INTAKE_AND_DISCHARGE')),
    interval_weeks  int         CHECK (interval_weeks BETWEEN 1 AND 12),
    starts_on       date        NOT NULL,
    ends_on         date,
    created_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL,
    stopped_at      timestamptz,
    stopped_by      uuid,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    CHECK ((kind = 'EVERY_N_WEEKS') = (interval_weeks IS NOT NULL)),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX measure_schedule_client_idx ON measure_schedule (practice_id, client_id);

CREATE TABLE measure_administration (
    practice_id     uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    instrument      text        NOT NULL CHECK (length(instrument) BETWEEN 1 AND 40),
    submission_id   uuid,
    answered_by     uuid        NOT NULL,
    mode            text        NOT NULL CHECK (mode IN ('SELF', 'IN_SESSION')),
    session_id      uuid,
    assignment_id   uuid,
    answers         int[]       NOT NULL,
    total           int,
    prorated        boolean     NOT NULL,
    missing         int         NOT NULL,
    band            text,
    risk            boolean     NOT NULL,
    answered_at     timestamptz NOT NULL,
    local_date      date        NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, session_id) REFERENCES therapy_session (practice_id, id),
    UNIQUE (practice_id, client_id, submission_id)
);
CREATE INDEX measure_administration_client_idx ON measure_administration (practice_id, client_id, instrument, answered_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['custom_measure', 'measure_schedule', 'measure_administration']
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
