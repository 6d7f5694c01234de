-- The audit without a hot row (docs/architecture.md, "The audit").
--
-- Until now each row carried the hash of its practice's previous row, so every request of a
-- practice queued on one locked row (audit_chain). Now a request only INSERTs its row: the order
-- comes from a sequence, the row carries a keyed MAC of its own fields (computed in Java with a key
-- kept outside the database), and the id of the transaction that wrote it. A sealer, shortly after
-- commit, links each practice's new rows into a keyed hash chain and appends one seal per practice
-- per batch; each seal's head is also published outside the database (the log, an optional webhook).
--
-- Rows written before this migration keep their old SHA-256 columns (prev_hash, hash) and have no
-- MAC and no transaction id; the first seal of each practice covers them.

CREATE SEQUENCE audit_event_seq OWNED BY audit_event.seq;
SELECT setval('audit_event_seq', (SELECT coalesce(max(seq), 0) + 1 FROM audit_event), false);
ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq');

-- Added without a default first, so rows already there keep NULL (no rewrite, no update).
ALTER TABLE audit_event ADD COLUMN xact xid8;
ALTER TABLE audit_event ALTER COLUMN xact SET DEFAULT pg_current_xact_id();
ALTER TABLE audit_event ADD COLUMN mac bytea;
ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL;
-- A row is either from before (the old chain) or carries its own MAC and transaction id.
ALTER TABLE audit_event ADD CONSTRAINT audit_event_mac_or_legacy
    CHECK ((mac IS NOT NULL AND xact IS NOT NULL) OR (hash IS NOT NULL AND xact IS NULL));

-- The sealer reads new rows by the transaction that wrote them, across practices: the one index on
-- this table not led by practice_id (a local index; it does not stop distribution by practice_id).
CREATE INDEX audit_event_xact_idx ON audit_event (xact);

DROP TABLE audit_chain;

-- One seal per practice per batch: it covers every row of the practice written by a transaction
-- with from_xact <= id < to_xact (the first seal also the rows from before, which have no id),
-- in (xact, seq) order. head = HMAC(key, prev_head, the seal's fields, each row's seq and MAC).
CREATE TABLE audit_seal (
    practice_id  uuid        NOT NULL,
    seal_no      bigint      NOT NULL,
    from_xact    xid8        NOT NULL,
    to_xact      xid8        NOT NULL,
    row_count    integer     NOT NULL,
    first_seq    bigint,
    last_seq     bigint,
    prev_head    bytea       NOT NULL,
    head         bytea       NOT NULL,
    key_id       text        NOT NULL,
    sealed_at    timestamptz NOT NULL,
    PRIMARY KEY (practice_id, seal_no)
);

CREATE TRIGGER audit_seal_append_only
    BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_seal_no_truncate
    BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

ALTER TABLE audit_seal ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_seal FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON audit_seal FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));

-- The sealer's progress: every transaction below horizon has been sealed. One row, locked only by
-- the sealer (never by a request), so two sealers on two nodes take turns.
CREATE TABLE audit_sealer (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    horizon  xid8    NOT NULL
);
INSERT INTO audit_sealer (horizon) VALUES ('0');
