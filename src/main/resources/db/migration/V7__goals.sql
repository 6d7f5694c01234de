-- Treatment goals and the history of their changes.
CREATE TABLE goal (
    practice_id     uuid        NOT NULL,
    id              uuid        NOT NULL,
    client_id       uuid        NOT NULL,
    statement       text        NOT NULL CHECK (length(statement) BETWEEN 1 AND 500),
    why_it_matters  text        CHECK (length(why_it_matters) <= 2000),
    target_kind     text        NOT NULL CHECK (target_kind IN ('MEASURE', 'METRIC')),
    measure         text        CHECK (measure IN ('PHQ9', 'GAD7', 'PHQ8')),
    comparator      text        NOT NULL CHECK (comparator IN ('BELOW', 'AT_MOST', 'ABOVE', 'AT_LEAST')),
    target_value    numeric     NOT NULL,
    metric          text        CHECK (length(metric) <= 200),
    baseline        numeric,
    target_date     date,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'ACHIEVED', 'REVISED', 'DROPPED')),
    version         int         NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      uuid        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      uuid        NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    CHECK ((target_kind = 'MEASURE' AND measure IS NOT NULL) OR (target_kind = 'METRIC' AND metric IS NOT NULL))
);
CREATE INDEX goal_client_idx ON goal (practice_id, client_id);

CREATE TABLE goal_change (
    practice_id  uuid        NOT NULL,
    goal_id      uuid        NOT NULL,
    version      int         NOT NULL,
    changed_at   timestamptz NOT NULL,
    changed_by   uuid        NOT NULL,
    snapshot     jsonb       NOT NULL,
    note         text        CHECK (length(note) <= 1000),
    PRIMARY KEY (practice_id, goal_id, version),
    FOREIGN KEY (practice_id, goal_id) REFERENCES goal (practice_id, id)
);
