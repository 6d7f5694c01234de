-- Recurring sessions. A series is the rule a clinician set (every N weeks at a local time in the
-- client's zone, from a first date to a last one); its sessions are stored one by one, so each can
-- be moved, cancelled, recorded or deleted on its own, and "the next session" exists as a due moment.
CREATE TABLE session_series (
    practice_id       uuid        NOT NULL,
    id                uuid        NOT NULL,
    client_id         uuid        NOT NULL,
    clinician_id      uuid        NOT NULL,
    every_weeks       int         NOT NULL CHECK (every_weeks BETWEEN 1 AND 4),
    local_time        time        NOT NULL,
    duration_minutes  int         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    time_zone         text        NOT NULL,
    first_date        date        NOT NULL,
    last_date         date        NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        uuid        NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    CHECK (last_date >= first_date)
);

ALTER TABLE therapy_session ADD COLUMN series_id uuid;
-- When a session was moved: where it was first scheduled (shown as "moved from …").
ALTER TABLE therapy_session ADD COLUMN first_starts_at timestamptz;
ALTER TABLE therapy_session ADD CONSTRAINT therapy_session_series_fk
    FOREIGN KEY (practice_id, series_id) REFERENCES session_series (practice_id, id);
CREATE INDEX therapy_session_series_idx ON therapy_session (practice_id, series_id) WHERE series_id IS NOT NULL;

ALTER TABLE session_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_series FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON session_series FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
