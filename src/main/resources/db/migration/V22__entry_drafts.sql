-- A client's unfinished worksheet for an assignment, saved as they go (one per assignment).
CREATE TABLE entry_draft (
    practice_id    uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    answers        jsonb       NOT NULL,
    saved_at       timestamptz NOT NULL,
    PRIMARY KEY (practice_id, assignment_id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id)
);
