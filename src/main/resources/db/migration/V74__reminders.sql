-- Reminders between sessions (issue 13): the practice's defaults, each client's choices, the
-- reminders planned from assignments' doses, the messages that carry them on each channel and
-- their delivery funnel, escalations and the clinicians' morning digest.

-- Text messages are a channel of their own, agreed to (and withdrawn) like e-mail.
ALTER TABLE consent_decision DROP CONSTRAINT consent_decision_kind_check;
ALTER TABLE consent_decision ADD CONSTRAINT consent_decision_kind_check
    CHECK (kind IN ('TERMS', 'EMAIL_MESSAGES', 'SMS_MESSAGES', 'TRANSCRIPT_ANALYSIS'));

-- The practice's defaults: reminder times (HH:MM, comma-separated, client-local), quiet hours, and
-- escalation (null days = that step is off).
CREATE TABLE reminder_settings (
    practice_id       uuid        NOT NULL,
    times             text        NOT NULL CHECK (times ~ '^([01][0-9]|2[0-3]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9]){0,5}$'),
    quiet_start       time        NOT NULL,
    quiet_end         time        NOT NULL,
    nudge_after_days  int         CHECK (nudge_after_days BETWEEN 1 AND 14),
    task_after_days   int         CHECK (task_after_days BETWEEN 1 AND 28),
    updated_at        timestamptz NOT NULL,
    updated_by        uuid,
    PRIMARY KEY (practice_id)
);

-- A client's own choices; null times or quiet hours follow the practice's defaults. The calendar
-- feed's secret is kept as a hash (to find the client) and sealed (to show the address again).
CREATE TABLE reminder_preferences (
    practice_id      uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    times            text        CHECK (times ~ '^([01][0-9]|2[0-3]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9]){0,5}$'),
    quiet_start      time,
    quiet_end        time,
    show_titles      boolean     NOT NULL DEFAULT false,
    phone            text        CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    phone_problem    text        CHECK (length(phone_problem) <= 300),
    email_problem    text        CHECK (length(email_problem) <= 300),
    feed_hash        bytea,
    feed_sealed      bytea,
    feed_created_at  timestamptz,
    planned_through  date,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (practice_id, client_id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);
-- A calendar app fetches the feed by its secret alone, and a STOP reply names only the phone:
-- both lookups cross practices by design (like sign-in links), so these two keys are not led by it.
CREATE UNIQUE INDEX reminder_preferences_feed_key ON reminder_preferences (feed_hash) WHERE feed_hash IS NOT NULL;
CREATE INDEX reminder_preferences_phone_idx ON reminder_preferences (phone) WHERE phone IS NOT NULL;

-- One planned reminder: a subject (an assignment's practice, a trigger dose's check-in, a due
-- measure, the reflection before a session, an escalation's nudge) at one client-local date and
-- slot. The unique key makes planning idempotent and a slot fire once, also across DST changes.
CREATE TABLE reminder (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    subject        text        NOT NULL CHECK (subject IN ('PRACTICE', 'CHECK_IN', 'MEASURE', 'REFLECTION', 'NUDGE')),
    subject_key    text        NOT NULL CHECK (length(subject_key) <= 100),
    assignment_id  uuid,
    local_date     date        NOT NULL,
    slot           text        NOT NULL CHECK (length(slot) <= 40),
    due_at         timestamptz NOT NULL,
    state          text        NOT NULL CHECK (state IN ('PLANNED', 'QUEUED', 'NOT_SENT', 'SNOOZED', 'SKIPPED', 'CANCELLED')),
    reason         text        CHECK (length(reason) <= 300),
    snoozed_from   uuid,
    opened_at      timestamptz,
    practised_at   timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE UNIQUE INDEX reminder_slot_key ON reminder (practice_id, client_id, subject, subject_key, local_date, slot);
CREATE INDEX reminder_due_idx ON reminder (practice_id, client_id, due_at) WHERE state = 'PLANNED';
CREATE INDEX reminder_assignment_idx ON reminder (practice_id, assignment_id, local_date) WHERE assignment_id IS NOT NULL;

-- One message on one channel carrying the reminders of one moment, and its delivery: queued,
-- being sent (and handed over to the server), sent, delivered (where the channel reports it),
-- retrying with backoff, failed (refused for good), dead (gave up; the admin may retry),
-- cancelled or expired. link_hash is the SHA-256 of the secret in its links (to find the message),
-- link_sealed the secret itself sealed with the installation key (to write the links again on a retry).
CREATE TABLE reminder_message (
    practice_id      uuid        NOT NULL,
    id               uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    channel          text        NOT NULL CHECK (length(channel) BETWEEN 1 AND 30),
    due_at           timestamptz NOT NULL,
    local_date       date        NOT NULL,
    address          text        NOT NULL CHECK (length(address) <= 320),
    state            text        NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'HANDED_OVER', 'SENT', 'DELIVERED',
                                                           'RETRYING', 'FAILED', 'DEAD', 'CANCELLED', 'EXPIRED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text        CHECK (length(last_error) <= 500),
    provider_ref     text        CHECK (length(provider_ref) <= 200),
    link_hash        bytea       NOT NULL,
    link_sealed      bytea       NOT NULL,
    signed_in_at     timestamptz,
    opened_at        timestamptz,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    delivered_at     timestamptz,
    failed_at        timestamptz,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE UNIQUE INDEX reminder_message_moment_key ON reminder_message (practice_id, client_id, channel, due_at);
CREATE INDEX reminder_message_state_idx ON reminder_message (practice_id, channel, state);
-- A link is followed, and a provider reports on a message, by its own key alone (installation-wide).
CREATE UNIQUE INDEX reminder_message_link_key ON reminder_message (link_hash);
CREATE INDEX reminder_message_provider_idx ON reminder_message (channel, provider_ref) WHERE provider_ref IS NOT NULL;

CREATE TABLE reminder_message_item (
    practice_id  uuid NOT NULL,
    message_id   uuid NOT NULL,
    reminder_id  uuid NOT NULL,
    PRIMARY KEY (practice_id, message_id, reminder_id),
    FOREIGN KEY (practice_id, message_id) REFERENCES reminder_message (practice_id, id),
    FOREIGN KEY (practice_id, reminder_id) REFERENCES reminder (practice_id, id)
);
CREATE INDEX reminder_message_item_reminder_idx ON reminder_message_item (practice_id, reminder_id);

-- Escalation when nothing is logged on a daily assignment: a nudge to the client, then a task on
-- the clinician's caseload. One row per assignment, step and run of missed days.
CREATE TABLE reminder_escalation (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    step           text        NOT NULL CHECK (step IN ('NUDGE', 'TASK')),
    since          date        NOT NULL,
    created_at     timestamptz NOT NULL,
    resolved_at    timestamptz,
    resolved_by    uuid,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE UNIQUE INDEX reminder_escalation_once_key ON reminder_escalation (practice_id, assignment_id, step, since);
CREATE INDEX reminder_escalation_open_idx ON reminder_escalation (practice_id, client_id) WHERE resolved_at IS NULL;

-- A clinician's morning digest (opt-in), and the day it was last sent so it goes once a day.
CREATE TABLE reminder_digest (
    practice_id   uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    enabled       boolean     NOT NULL,
    hour          int         NOT NULL CHECK (hour BETWEEN 0 AND 23),
    last_sent_on  date,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (practice_id, account_id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);

-- Provider webhooks refused (bad signature or unknown message): installation plumbing, no client data.
CREATE TABLE reminder_webhook_refusal (
    id           uuid        PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    reason       text        NOT NULL CHECK (length(reason) <= 300)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reminder_settings', 'reminder_preferences', 'reminder', 'reminder_message',
                             'reminder_message_item', 'reminder_escalation', 'reminder_digest']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($policy$
            CREATE POLICY practice_fence ON public.%I FOR ALL
            USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            $policy$, t);
    END LOOP;
END;
$$;
