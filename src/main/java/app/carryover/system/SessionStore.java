package app.carryover.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The signed-in sessions' store (Spring Session JDBC) with what each request asks of it cut to what
 * it needs, keeping what it stores:
 * <ul>
 * <li><b>One load per request.</b> Spring Session asks for the requested session again after committing
 * it (once when the response is committed, again when its filter ends), and every load reads the rows
 * and deserializes the security context. Within a request ({@link #duringRequest}) a load, a save and a
 * delete are remembered on the request's thread, so the same id is read once.</li>
 * <li><b>The last-access time is written when it has moved by {@code touchEvery} or more.</b> Otherwise
 * every request, reads included, would end in an UPDATE of its session row and a durable commit. The
 * idle time-out is therefore counted to within {@code touchEvery}: a session may end up to that much
 * before its full idle time. Any other change (sign-in, second factor, a new CSRF token) is saved as
 * before, with the access time as it stands.</li>
 * <li><b>The practice fence is left as it is</b> on connections taken for the session tables: they hold
 * no practice's rows (no row-level security), and working out the practice for them would load this
 * very session (the request's security context), which re-entered the store and read it twice.</li>
 * </ul>
 */
final class SessionStore implements FindByIndexNameSessionRepository<SessionStore.StoredSession> {

    /** The sessions this request has loaded or saved, by id (a null value: looked up, not there). */
    private static final ThreadLocal<Map<String, StoredSession>> REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration touchEvery;

    @SuppressWarnings("unchecked")
    SessionStore(FindByIndexNameSessionRepository<? extends Session> store, Duration touchEvery) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
        this.touchEvery = touchEvery;
    }

    /** One request's work, as a servlet filter runs it. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    /** Runs one request's work with its own memory of loaded sessions, forgotten when it ends. */
    static void duringRequest(Work work) throws IOException, ServletException {
        Map<String, StoredSession> outer = REQUEST.get();
        REQUEST.set(new HashMap<>());
        try {
            work.run();
        } finally {
            if (outer == null) {
                REQUEST.remove();
            } else {
                REQUEST.set(outer);
            }
        }
    }

    @Override
    public StoredSession createSession() {
        return new StoredSession(store.createSession(), null);
    }

    @Override
    public void save(StoredSession session) {
        PracticeFence.keepingSetting(() -> store.save(session.stored));
        Map<String, StoredSession> request = REQUEST.get();
        if (request != null) {
            // The id may have changed (sign-in changes it); the old id is no longer this session.
            request.values().removeIf(s -> s == session);
            request.put(session.getId(), session);
        }
    }

    @Override
    public StoredSession findById(String id) {
        Map<String, StoredSession> request = REQUEST.get();
        if (request != null && request.containsKey(id)) {
            return request.get(id);
        }
        Session found = PracticeFence.keepingSetting(() -> store.findById(id));
        StoredSession session = found == null ? null : new StoredSession(found, found.getLastAccessedTime());
        if (request != null) {
            request.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        PracticeFence.keepingSetting(() -> store.deleteById(id));
        Map<String, StoredSession> request = REQUEST.get();
        if (request != null) {
            request.put(id, null);
        }
    }

    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = PracticeFence.keepingSetting(() -> store.findByIndexNameAndIndexValue(indexName, indexValue));
        Map<String, StoredSession> sessions = new LinkedHashMap<>();
        found.forEach((id, s) -> sessions.put(id, new StoredSession(s, s.getLastAccessedTime())));
        return sessions;
    }

    /** A stored session whose last-access time moves in steps of {@code touchEvery}. */
    final class StoredSession implements Session {
        private final Session stored;
        /** The access time as stored when loaded; null for a new session (always written). */
        private final Instant storedAccess;

        private StoredSession(Session stored, Instant storedAccess) {
            this.stored = stored;
            this.storedAccess = storedAccess;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (storedAccess == null || lastAccessedTime.isBefore(storedAccess)
                    || Duration.between(storedAccess, lastAccessedTime).compareTo(touchEvery) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
