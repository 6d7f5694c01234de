-- Issue 21: a clinician is told by e-mail that a client sent a question or request (no name, no words).
-- One row per clinician who changed the setting or was sent a notice; no row: notices on, none sent yet.

CREATE TABLE clinician_notice (
    practice_id     uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    questions_by_email boolean  NOT NULL,
    noticed_until   timestamptz,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (practice_id, account_id),
    FOREIGN KEY (practice_id, account_id) REFERENCES account (practice_id, id)
);

-- The second fence, as V24 sets it for every table with a practice_id.
ALTER TABLE public.clinician_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.clinician_notice FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON public.clinician_notice FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
