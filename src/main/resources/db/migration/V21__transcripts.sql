-- Session transcripts uploaded to a client's session, what the detector found in them, and the
-- practice's rule for how long the text is kept. The text (and the turn texts copied into the
-- detections) is deleted per that rule; the detections' verdicts, evidence and summaries, and the
-- audit, remain.

CREATE TABLE transcript (
    practice_id          uuid        NOT NULL,
    id                   uuid        NOT NULL,
    client_id            uuid        NOT NULL,
    session_id           uuid        NOT NULL,
    -- who ran the session (the session's clinician when uploaded): the practice audit counts per clinician
    clinician_id         uuid        NOT NULL,
    uploaded_by          uuid        NOT NULL,
    file_name            text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    format               text        NOT NULL CHECK (format IN ('TEXT', 'WEBVTT', 'SRT', 'JSON_CHAT')),
    size_bytes           int         NOT NULL CHECK (size_bytes > 0),
    speakers             text        CHECK (length(speakers) <= 1000),
    therapist_turns      int         NOT NULL CHECK (therapist_turns > 0),
    homework_assigned    boolean     NOT NULL,
    homework_reviewed    boolean     NOT NULL,
    -- what the import decided ("guessed 'Dr Lee' as the therapist"); deleted with the text
    import_notes         text,
    body                 text,
    uploaded_at          timestamptz NOT NULL,
    text_deleted_at      timestamptz,
    text_deleted_reason  text,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id),
    FOREIGN KEY (practice_id, session_id) REFERENCES therapy_session (practice_id, id),
    FOREIGN KEY (practice_id, clinician_id) REFERENCES account (practice_id, id),
    FOREIGN KEY (practice_id, uploaded_by) REFERENCES account (practice_id, id),
    CHECK ((body IS NULL) = (text_deleted_at IS NOT NULL))
);
CREATE INDEX transcript_session_idx ON transcript (practice_id, client_id, session_id, uploaded_at);
CREATE INDEX transcript_clinician_idx ON transcript (practice_id, clinician_id, session_id, uploaded_at);
-- The periodic retention pass looks only at transcripts whose text is still kept.
CREATE INDEX transcript_kept_idx ON transcript (practice_id, uploaded_at) WHERE body IS NOT NULL;

-- One row per detected assignment (ASSIGNS, a draft for the clinician to confirm or dismiss) and per
-- therapist turn that reviews earlier homework (REVIEWS).
CREATE TABLE transcript_detection (
    practice_id    uuid        NOT NULL,
    id             uuid        NOT NULL,
    transcript_id  uuid        NOT NULL,
    turn           int         NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('ASSIGNS', 'REVIEWS')),
    category       text        CHECK (category IN ('SKILL_PRACTICE', 'ACTION', 'JOURNALING', 'LEARNING')),
    specific       boolean,
    summary        text        CHECK (length(summary) <= 1000),
    evidence       text[]      NOT NULL DEFAULT '{}',
    -- the therapist's words of the turn(s); deleted with the transcript text
    turn_text      text,
    state          text        CHECK (state IN ('PROPOSED', 'CONFIRMED', 'DISMISSED')),
    assignment_id  uuid,
    decided_at     timestamptz,
    decided_by     uuid,
    PRIMARY KEY (practice_id, id),
    FOREIGN KEY (practice_id, transcript_id) REFERENCES transcript (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, decided_by) REFERENCES account (practice_id, id),
    CHECK ((kind = 'ASSIGNS') = (state IS NOT NULL)),
    CHECK ((kind = 'ASSIGNS') = (category IS NOT NULL AND specific IS NOT NULL)),
    CHECK ((state = 'CONFIRMED') = (assignment_id IS NOT NULL)),
    CHECK ((state IN ('CONFIRMED', 'DISMISSED')) = (decided_at IS NOT NULL))
);
CREATE INDEX transcript_detection_transcript_idx ON transcript_detection (practice_id, transcript_id, turn);
CREATE UNIQUE INDEX transcript_detection_assignment_key ON transcript_detection (practice_id, assignment_id)
    WHERE assignment_id IS NOT NULL;

-- Earlier assignments the clinician marked as discussed in the transcript's session. Marked per
-- transcript, not per review turn: the review of one task usually runs over several turns.
CREATE TABLE transcript_discussed (
    practice_id    uuid        NOT NULL,
    transcript_id  uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    marked_at      timestamptz NOT NULL,
    marked_by      uuid        NOT NULL,
    PRIMARY KEY (practice_id, transcript_id, assignment_id),
    FOREIGN KEY (practice_id, transcript_id) REFERENCES transcript (practice_id, id),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, marked_by) REFERENCES account (practice_id, id)
);

-- How long a practice keeps transcript text. No row: the default, AFTER_DECISIONS (deleted once
-- every detected assignment is confirmed or dismissed). DAYS: kept for `days` days after upload.
CREATE TABLE transcript_retention (
    practice_id  uuid        PRIMARY KEY REFERENCES practice (id),
    mode         text        NOT NULL CHECK (mode IN ('AFTER_DECISIONS', 'DAYS')),
    days         int         CHECK (days BETWEEN 1 AND 3650),
    changed_at   timestamptz NOT NULL,
    changed_by   uuid        NOT NULL,
    CHECK ((mode = 'DAYS') = (days IS NOT NULL))
);
