-- Personal API tokens: shown once, stored as SHA-256 hashes, with an expiry and an optional
-- read-only scope. Looked up by hash alone, like sign-in links.
CREATE TABLE api_token (
    practice_id   uuid        NOT NULL,
    id            uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash    bytea       NOT NULL,
    read_only     boolean     NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    uuid,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE UNIQUE INDEX api_token_hash_key ON api_token (token_hash);
CREATE INDEX api_token_account_idx ON api_token (practice_id, account_id);
