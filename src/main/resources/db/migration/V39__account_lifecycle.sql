-- Issue 15 item 10: the account's whole life.

-- Raised whenever every session of the account must end (sign out everywhere, a disabled account, a changed
-- or reset password, a reset second factor); a session remembers the number it began with, and one with an
-- older number is ended at its next request. A number rather than a time, so nothing hangs on two events
-- falling in the same microsecond.
ALTER TABLE account ADD COLUMN session_generation integer NOT NULL DEFAULT 0;
-- An admin reset the second factor: the person sets up a new one at their next sign-in, whatever the
-- practice's setting.
ALTER TABLE account ADD COLUMN must_enrol_second_factor boolean NOT NULL DEFAULT false;

-- However active a session is, it ends this many hours after sign-in.
ALTER TABLE practice ADD COLUMN session_max_hours integer NOT NULL DEFAULT 12
    CHECK (session_max_hours BETWEEN 1 AND 168);

-- One-time recovery codes, shown once when a second factor is set up, kept only as SHA-256 hashes
-- (each code carries 80 random bits, so a hash cannot be reversed by trying codes).
CREATE TABLE recovery_code (
    practice_id  uuid        NOT NULL,
    id           uuid        NOT NULL,
    account_id   uuid        NOT NULL,
    code_hash    bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    used_at      timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE INDEX recovery_code_account_idx ON recovery_code (practice_id, account_id);

-- Password-reset links, stored as hashes, used once, 30 minutes; looked up by hash alone like sign-in links.
CREATE TABLE password_reset (
    practice_id  uuid        NOT NULL,
    token_hash   bytea       NOT NULL,
    account_id   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    PRIMARY KEY (practice_id, token_hash),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);
CREATE UNIQUE INDEX password_reset_token_key ON password_reset (token_hash);
CREATE INDEX password_reset_expires_idx ON password_reset (expires_at);

-- The practice fence of V24 on both new tables.
ALTER TABLE recovery_code ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_code FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON recovery_code FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
ALTER TABLE password_reset ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_reset FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON password_reset FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
