package app.carryover.transcripts;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.carryover.sessions.SessionRescheduled;

/**
 * A transcript keeps its session's start for the audit's date range; when a scheduled session that
 * already has a transcript is moved, the copy moves with it, in the same transaction.
 */
@Component
class SessionMoves {

    private final TranscriptRepository transcripts;

    SessionMoves(TranscriptRepository transcripts) {
        this.transcripts = transcripts;
    }

    @EventListener
    void on(SessionRescheduled moved) {
        transcripts.sessionMoved(moved.practiceId(), moved.sessionId(), moved.startsAt());
    }
}
