-- Practices (tenants), accounts, invitations and sign-in.

CREATE TABLE practice (
    id                     uuid        PRIMARY KEY,
    name                   text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone              text        NOT NULL,
    is_demo                boolean     NOT NULL DEFAULT false,
    require_second_factor  boolean     NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL
);

-- An e-mail address is unique across the installation, so signing in never searches practices;
-- that lookup index is the one index here not led by practice_id.
CREATE TABLE account (
    practice_id        uuid        NOT NULL REFERENCES practice (id),
    id                 uuid        NOT NULL,
    email              text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    display_name       text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    roles              text[]      NOT NULL CHECK (roles <@ ARRAY['ADMIN', 'CLINICIAN', 'CLIENT']::text[] AND cardinality(roles) > 0),
    status             text        NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED')),
    password_hash      text,
    totp_secret        bytea,
    totp_confirmed_at  timestamptz,
    totp_last_step     bigint,
    created_at         timestamptz NOT NULL,
    last_sign_in_at    timestamptz,
    PRIMARY KEY (practice_id, id)
);
CREATE UNIQUE INDEX account_email_key ON account (email);

CREATE TABLE invitation (
    practice_id   uuid        NOT NULL,
    id            uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    token_hash    bytea       NOT NULL,
    invited_by    uuid,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    accepted_at   timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
-- Invitation links are looked up by their hash alone, like e-mail addresses.
CREATE UNIQUE INDEX invitation_token_key ON invitation (token_hash);
CREATE INDEX invitation_account_idx ON invitation (practice_id, account_id);

-- One-time sign-in links (clients), stored as hashes: a copy of the database signs no one in.
CREATE TABLE sign_in_link (
    practice_id   uuid        NOT NULL,
    token_hash    bytea       NOT NULL,
    account_id    uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    PRIMARY KEY (practice_id, token_hash),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE UNIQUE INDEX sign_in_link_token_key ON sign_in_link (token_hash);

-- The first-run link that creates the first practice; installation-wide, holds no client data.
CREATE TABLE setup_token (
    id          uuid        PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

-- Failed sign-ins, counted per account and per address to slow down guessing.
CREATE TABLE sign_in_failure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL,
    address     text        NOT NULL,
    failed_at   timestamptz NOT NULL
);
CREATE INDEX sign_in_failure_email_idx ON sign_in_failure (email, failed_at);
CREATE INDEX sign_in_failure_address_idx ON sign_in_failure (address, failed_at);
