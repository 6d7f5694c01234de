-- Therapy sessions as appointments, with a list of participants (one client for now; couples and
-- family work later without a new schema).
CREATE TABLE therapy_session (
    practice_id        uuid        NOT NULL,
    id                 uuid        NOT NULL,
    clinician_id       uuid        NOT NULL,
    starts_at          timestamptz NOT NULL,
    duration_minutes   int         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    status             text        NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED', 'NO_SHOW')),
    notes              text        CHECK (length(notes) <= 20000),
    status_changed_at  timestamptz,
    created_at         timestamptz NOT NULL,
    created_by         uuid        NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, clinician_id) REFERENCES account (practice_id, id)
);

CREATE TABLE session_participant (
    practice_id  uuid NOT NULL,
    session_id   uuid NOT NULL,
    client_id    uuid NOT NULL,
    starts_at    timestamptz NOT NULL,
    PRIMARY KEY (practice_id, session_id, client_id),
    FOREIGN KEY (practice_id, session_id) REFERENCES therapy_session (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
-- "The client's sessions in time order" is the common question; starts_at is copied here for it.
CREATE INDEX session_participant_client_idx ON session_participant (practice_id, client_id, starts_at);
