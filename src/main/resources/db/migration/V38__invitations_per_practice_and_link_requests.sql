-- Issue 15 item 3: an invitation no longer reserves its address across the installation. An address
-- is unique among accounts that can sign in (active or disabled), so sign-in by address still never
-- searches practices; an invited account only keeps its address within its own practice. An
-- invitation to an address that already has an account elsewhere is made like any other (the inviter
-- learns nothing); the person who opens it is told that the address already has an account.
DROP INDEX account_email_key;
CREATE UNIQUE INDEX account_email_key ON account (email) WHERE status <> 'INVITED';
CREATE UNIQUE INDEX account_practice_email_key ON account (practice_id, email);

-- Issue 15 item 4: requests for e-mailed links (sign-in links, password resets), counted per address
-- asked for and per requester so neither can be flooded. Installation-wide like sign_in_failure, and
-- pruned after the counting window.
CREATE TABLE link_request (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('SIGN_IN', 'PASSWORD_RESET')),
    email         text        NOT NULL,
    address       text        NOT NULL,
    requested_at  timestamptz NOT NULL
);
CREATE INDEX link_request_email_idx ON link_request (email, kind, requested_at);
CREATE INDEX link_request_address_idx ON link_request (address, requested_at);
CREATE INDEX sign_in_link_expires_idx ON sign_in_link (expires_at);
