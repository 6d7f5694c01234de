-- A client's erasure requests and the practice's retention of discharged clients' records
-- (docs/reliability.md, "Erasure and retention").

-- How long a practice keeps a discharged client's record before the retention job deletes it.
CREATE TABLE retention_policy (
    practice_id  uuid        PRIMARY KEY REFERENCES practice (id),
    years        int         NOT NULL CHECK (years BETWEEN 1 AND 30),
    changed_at   timestamptz NOT NULL,
    changed_by   uuid        NOT NULL
);

-- When a client's record was erased (its content deleted, the row kept without a name, so audit
-- rows naming it by id stop naming a person).
ALTER TABLE client ADD COLUMN erased_at timestamptz;

-- A client's request to have their data erased, and its decision. Kept after the erasure (without
-- the client's own words) as the record that it was asked for, decided and done.
CREATE TABLE erasure_request (
    practice_id      uuid        NOT NULL,
    id               uuid        NOT NULL,
    client_id        uuid        NOT NULL,
    requested_at     timestamptz NOT NULL,
    requested_by     uuid        NOT NULL,
    client_reason    text        CHECK (length(client_reason) <= 1000),
    status           text        NOT NULL CHECK (status IN ('REQUESTED', 'HELD', 'APPROVED', 'DECLINED', 'WITHDRAWN', 'DONE')),
    hold_reason      text        CHECK (length(hold_reason) <= 1000),
    decided_at       timestamptz,
    decided_by       uuid,
    decision_reason  text        CHECK (length(decision_reason) <= 1000),
    erase_after      timestamptz,
    done_at          timestamptz,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id)
);
CREATE INDEX erasure_request_client_idx ON erasure_request (practice_id, client_id, requested_at);
-- At most one open request per client.
CREATE UNIQUE INDEX erasure_request_one_open ON erasure_request (practice_id, client_id)
    WHERE status IN ('REQUESTED', 'HELD');

-- What each retention run did in a practice.
CREATE TABLE retention_run (
    practice_id      uuid        NOT NULL,
    id               uuid        NOT NULL,
    ran_at           timestamptz NOT NULL,
    cutoff           timestamptz NOT NULL,
    clients_erased   int         NOT NULL,
    rows_deleted     bigint      NOT NULL,
    detail           text        NOT NULL,
    PRIMARY KEY (practice_id, id)
);
CREATE INDEX retention_run_at_idx ON retention_run (practice_id, ran_at DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['retention_policy', 'erasure_request', 'retention_run']
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
