-- Web Push as a reminders channel (issue 17 item 3): the installation's VAPID key pair, made once,
-- and each device a client turned phone notifications on for.

-- Notifications on the client's phone are a channel of their own, agreed to (and withdrawn) like e-mail.
ALTER TABLE consent_decision DROP CONSTRAINT consent_decision_kind_check;
ALTER TABLE consent_decision ADD CONSTRAINT consent_decision_kind_check
    CHECK (kind IN ('TERMS', 'EMAIL_MESSAGES', 'SMS_MESSAGES', 'PUSH_MESSAGES', 'TRANSCRIPT_ANALYSIS'));

-- The installation's VAPID key pair (RFC 8292): one row, made by whichever node needs it first. The
-- public key is kept as X.509 and the private key (PKCS#8) sealed with the installation key
-- (system.SecretBox), so a copy of the database alone
-- cannot push to anyone; the public key is what browsers subscribe with.
CREATE TABLE push_vapid_key (
    id              smallint    PRIMARY KEY CHECK (id = 1),
    public_key      text        NOT NULL CHECK (public_key ~ '^[A-Za-z0-9_-]{80,200}$'),
    private_sealed  bytea       NOT NULL,
    created_at      timestamptz NOT NULL
);

-- One device (one browser's push subscription) of a client. What the push service gave the browser
-- (endpoint, p256dh key, auth secret) is sealed as one JSON value; the endpoint's SHA-256 finds a
-- subscription again (the browser unsubscribing, a push service answering 404/410) and keeps one
-- endpoint to one client across the installation, which is why that key does not lead with practice_id.
CREATE TABLE push_subscription (
    practice_id        uuid        NOT NULL,
    id                 uuid        NOT NULL,
    client_id          uuid        NOT NULL,
    endpoint_hash      bytea       NOT NULL CHECK (length(endpoint_hash) = 32),
    sealed             bytea       NOT NULL,
    service            text        NOT NULL CHECK (length(service) <= 200),
    device             text        NOT NULL CHECK (length(device) <= 100),
    created_at         timestamptz NOT NULL,
    last_message_id    uuid,
    last_sent_at       timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE UNIQUE INDEX push_subscription_endpoint_key ON push_subscription (endpoint_hash);
CREATE INDEX push_subscription_client_idx ON push_subscription (practice_id, client_id, created_at);

ALTER TABLE push_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON push_subscription FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));

-- The last delivery problem of notifications, shown to the client like those of e-mail and text messages.
ALTER TABLE reminder_preferences ADD COLUMN push_problem text CHECK (length(push_problem) <= 300);
