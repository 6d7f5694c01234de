-- The homework loop: exposure hierarchies, assignments with a structured dose, practice entries,
-- the client's reflections and the session-start review.

CREATE TABLE exposure_hierarchy (
    practice_id  uuid        NOT NULL,
    id           uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL,
    created_by   uuid        NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE INDEX exposure_hierarchy_client_idx ON exposure_hierarchy (practice_id, client_id);

CREATE TABLE exposure_step (
    practice_id           uuid        NOT NULL,
    id                    uuid        NOT NULL,
    hierarchy_id          uuid        NOT NULL,
    position              int         NOT NULL CHECK (position > 0),
    situation             text        NOT NULL CHECK (length(situation) BETWEEN 1 AND 500),
    anticipated_distress  int         NOT NULL CHECK (anticipated_distress BETWEEN 0 AND 100),
    created_at            timestamptz NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, hierarchy_id) REFERENCES exposure_hierarchy (practice_id, id)
);
CREATE INDEX exposure_step_hierarchy_idx ON exposure_step (practice_id, hierarchy_id, position);

CREATE TABLE assignment (
    practice_id           uuid        NOT NULL,
    id                    uuid        NOT NULL,
    client_id             uuid        NOT NULL,
    title                 text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    instructions          text        NOT NULL CHECK (length(instructions) BETWEEN 1 AND 5000),
    rationale             text        CHECK (length(rationale) <= 2000),
    general               boolean     NOT NULL,
    assigned_in_session   uuid,
    worksheet_key         text,
    worksheet_version     int,
    dose_kind             text        NOT NULL CHECK (dose_kind IN ('PER_DAY', 'PER_WEEK', 'PER_PERIOD', 'ON_DAYS', 'TRIGGER')),
    dose_count            int         NOT NULL CHECK (dose_count BETWEEN 1 AND 50),
    dose_weekdays         text,
    dose_times            text        CHECK (length(dose_times) <= 200),
    dose_trigger          text        CHECK (length(dose_trigger) <= 300),
    starts_at             timestamptz NOT NULL,
    start_date            date        NOT NULL,
    due_date              date,
    difficulty            int         NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
    exposure_step_id      uuid,
    status                text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'DISCONTINUED')),
    status_changed_at     timestamptz,
    previous_id           uuid,
    coach_report          jsonb,
    created_at            timestamptz NOT NULL,
    created_by            uuid        NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, exposure_step_id) REFERENCES exposure_step (practice_id, id),
    CHECK (due_date IS NULL OR due_date >= start_date)
);
CREATE INDEX assignment_client_idx ON assignment (practice_id, client_id, status);
CREATE INDEX assignment_step_idx ON assignment (practice_id, exposure_step_id) WHERE exposure_step_id IS NOT NULL;

CREATE TABLE assignment_goal (
    practice_id    uuid NOT NULL,
    assignment_id  uuid NOT NULL,
    goal_id        uuid NOT NULL,
    PRIMARY KEY (practice_id, assignment_id, goal_id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, goal_id) REFERENCES goal (practice_id, id)
);

-- Days an assignment was paused (client-local dates; resumed_on NULL while still paused).
CREATE TABLE assignment_pause (
    practice_id    uuid NOT NULL,
    assignment_id  uuid NOT NULL,
    paused_on      date NOT NULL,
    resumed_on     date,
    PRIMARY KEY (practice_id, assignment_id, paused_on),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id)
);

CREATE TABLE practice_entry (
    practice_id        uuid        NOT NULL,
    id                 uuid        NOT NULL,
    assignment_id      uuid        NOT NULL,
    client_id          uuid        NOT NULL,
    client_entry_id    uuid        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    local_date         date        NOT NULL,
    time_zone          text        NOT NULL,
    rating             int         CHECK (rating BETWEEN 0 AND 10),
    note               text        CHECK (length(note) <= 2000),
    worksheet_key      text,
    worksheet_version  int,
    answers            jsonb,
    revision           int         NOT NULL,
    edited             boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    deleted_at         timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
-- A retried submission carries the same client-made id, so it never counts twice.
CREATE UNIQUE INDEX practice_entry_client_made_key ON practice_entry (practice_id, client_id, client_entry_id);
CREATE INDEX practice_entry_assignment_idx ON practice_entry (practice_id, assignment_id, local_date);
CREATE INDEX practice_entry_client_idx ON practice_entry (practice_id, client_id, occurred_at);

-- Earlier versions of edited or deleted entries, kept for the audit.
CREATE TABLE practice_entry_revision (
    practice_id   uuid        NOT NULL,
    entry_id      uuid        NOT NULL,
    revision      int         NOT NULL,
    occurred_at   timestamptz NOT NULL,
    local_date    date        NOT NULL,
    rating        int,
    note          text,
    answers       jsonb,
    replaced_at   timestamptz NOT NULL,
    PRIMARY KEY (practice_id, entry_id, revision),
    FOREIGN KEY (practice_id, entry_id) REFERENCES practice_entry (practice_id, id)
);

-- Numbers extracted from worksheet answers when an entry is saved (peak distress, mood, sleep
-- efficiency...), so charts and rules never re-parse answer JSON.
CREATE TABLE entry_value (
    practice_id  uuid    NOT NULL,
    entry_id     uuid    NOT NULL,
    key          text    NOT NULL,
    value        numeric NOT NULL,
    unit         text,
    PRIMARY KEY (practice_id, entry_id, key),
    FOREIGN KEY (practice_id, entry_id) REFERENCES practice_entry (practice_id, id)
);

CREATE TABLE homework_reflection (
    practice_id    uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    learned        text        CHECK (length(learned) <= 2000),
    got_in_way     text        CHECK (length(got_in_way) <= 2000),
    obstacles      text[]      NOT NULL DEFAULT '{}',
    self_rating    int         CHECK (self_rating BETWEEN 0 AND 4),
    submitted_at   timestamptz NOT NULL,
    PRIMARY KEY (practice_id, assignment_id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id)
);

CREATE TABLE homework_review (
    practice_id         uuid        NOT NULL,
    id                  uuid        NOT NULL,
    assignment_id       uuid        NOT NULL,
    session_id          uuid        NOT NULL,
    reviewed_at         timestamptz NOT NULL,
    reviewed_by         uuid        NOT NULL,
    decision            text        CHECK (decision IN ('CONTINUE', 'STEP_UP', 'STEP_DOWN', 'MODIFY', 'COMPLETE', 'DROP')),
    deferred_reason     text        CHECK (length(deferred_reason) <= 1000),
    clinician_rating    int         CHECK (clinician_rating BETWEEN 0 AND 4),
    client_rating       int         CHECK (client_rating BETWEEN 0 AND 4),
    obstacles           text[]      NOT NULL DEFAULT '{}',
    obstacle_other      text        CHECK (length(obstacle_other) <= 500),
    troubleshooting     text        CHECK (length(troubleshooting) <= 2000),
    expected_count      numeric,
    done_count          numeric,
    next_assignment_id  uuid,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    CHECK ((decision IS NULL) <> (deferred_reason IS NULL))
);
CREATE UNIQUE INDEX homework_review_once_key ON homework_review (practice_id, assignment_id, session_id);
CREATE INDEX homework_review_session_idx ON homework_review (practice_id, session_id);
