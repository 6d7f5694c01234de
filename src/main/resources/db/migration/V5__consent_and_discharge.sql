-- Consent: the practice's versioned terms of use and data processing, and each client's
-- decisions, one row per decision (the latest per kind is the current state).

CREATE TABLE consent_document (
    practice_id   uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('TERMS')),
    version       int         NOT NULL CHECK (version > 0),
    body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
    published_at  timestamptz NOT NULL,
    published_by  uuid,
    PRIMARY KEY (practice_id, kind, version)
);

CREATE TABLE consent_decision (
    practice_id   uuid        NOT NULL,
    id            uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('TERMS', 'EMAIL_MESSAGES', 'TRANSCRIPT_ANALYSIS')),
    version       int,
    given         boolean     NOT NULL,
    decided_at    timestamptz NOT NULL,
    address       text,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE INDEX consent_decision_client_idx ON consent_decision (practice_id, client_id, kind, decided_at DESC);

ALTER TABLE client ADD COLUMN discharge_note text CHECK (length(discharge_note) <= 2000);
