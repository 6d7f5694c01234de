-- Client records and their care teams.

CREATE TABLE client (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    time_zone      text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'DISCHARGED')),
    created_at     timestamptz NOT NULL,
    discharged_at  timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE UNIQUE INDEX client_account_key ON client (practice_id, account_id);

CREATE TABLE care_team_member (
    practice_id   uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    clinician_id  uuid        NOT NULL,
    team_role     text        NOT NULL CHECK (team_role IN ('PRIMARY', 'CO_THERAPIST', 'SUPERVISOR')),
    added_at      timestamptz NOT NULL,
    PRIMARY KEY (practice_id, client_id, clinician_id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, clinician_id) REFERENCES account (practice_id, id)
);
CREATE INDEX care_team_member_clinician_idx ON care_team_member (practice_id, clinician_id);
-- At most one primary clinician per client.
CREATE UNIQUE INDEX care_team_one_primary ON care_team_member (practice_id, client_id) WHERE team_role = 'PRIMARY';
