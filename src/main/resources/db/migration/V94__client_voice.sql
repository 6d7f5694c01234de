-- Issue 21: the client's voice on homework. A client answers an assignment ("Got it", a question,
-- too hard, too easy, "I'd change…"); the care team replies in writing (shown on the client's
-- Today). A client may also ask for something to practise; the request stays open until a
-- clinician replies or sets a new assignment after it.

CREATE TABLE assignment_response (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('GOT_IT', 'QUESTION', 'TOO_HARD', 'TOO_EASY', 'CHANGE')),
    body           text        CHECK (length(body) BETWEEN 1 AND 2000),
    created_at     timestamptz NOT NULL,
    reply          text        CHECK (length(reply) BETWEEN 1 AND 2000),
    replied_at     timestamptz,
    replied_by     uuid,
    reply_mailed   boolean,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, replied_by) REFERENCES account (practice_id, id),
    CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (replied_by IS NULL)),
    CHECK (kind NOT IN ('QUESTION', 'CHANGE') OR body IS NOT NULL)
);
CREATE INDEX assignment_response_client_idx ON assignment_response (practice_id, client_id, created_at);
CREATE INDEX assignment_response_assignment_idx ON assignment_response (practice_id, assignment_id);

CREATE TABLE homework_request (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    client_id      uuid        NOT NULL,
    topic          text        CHECK (length(topic) BETWEEN 1 AND 1000),
    created_at     timestamptz NOT NULL,
    reply          text        CHECK (length(reply) BETWEEN 1 AND 2000),
    replied_at     timestamptz,
    replied_by     uuid,
    reply_mailed   boolean,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, replied_by) REFERENCES account (practice_id, id),
    CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (replied_by IS NULL))
);
CREATE INDEX homework_request_client_idx ON homework_request (practice_id, client_id, created_at);

-- The second fence, as V24 sets it for every table with a practice_id.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['assignment_response', 'homework_request'] LOOP
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
