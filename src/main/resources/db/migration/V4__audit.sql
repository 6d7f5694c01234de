-- The audit: who read or changed what, when, from where. Rows are hash-chained per practice
-- (each carries the hash of the practice's previous row, so practices never wait on each other)
-- and a trigger refuses every UPDATE, DELETE and TRUNCATE.

CREATE TABLE audit_event (
    practice_id    uuid        NOT NULL,
    seq            bigint      NOT NULL,
    at             timestamptz NOT NULL,
    actor_id       uuid,
    actor_label    text        NOT NULL,
    client_id      uuid,
    action         text        NOT NULL,
    subject        text        NOT NULL,
    object_id      text,
    detail         text,
    address        text,
    prev_hash      bytea       NOT NULL,
    hash           bytea       NOT NULL,
    PRIMARY KEY (practice_id, seq)
);
CREATE INDEX audit_event_client_idx ON audit_event (practice_id, client_id, at);
CREATE INDEX audit_event_actor_idx ON audit_event (practice_id, actor_id, at);
CREATE INDEX audit_event_at_idx ON audit_event (practice_id, at);

-- The head of each practice's chain; locked while a row is appended.
CREATE TABLE audit_chain (
    practice_id  uuid   PRIMARY KEY,
    last_seq     bigint NOT NULL,
    last_hash    bytea  NOT NULL
);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are never changed or removed (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
