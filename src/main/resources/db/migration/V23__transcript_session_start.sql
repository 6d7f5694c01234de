-- The practice audit can be limited to a range of session dates: each transcript keeps its session's start
-- (as at upload, like clinician_id), so the audit needs nothing from the sessions module's tables at read time.
ALTER TABLE transcript ADD COLUMN session_starts_at timestamptz;

UPDATE transcript t SET session_starts_at = s.starts_at
FROM therapy_session s
WHERE s.practice_id = t.practice_id AND s.id = t.session_id;

ALTER TABLE transcript ALTER COLUMN session_starts_at SET NOT NULL;

CREATE INDEX transcript_session_start_idx ON transcript (practice_id, session_starts_at);
