package app.carryover.worksheets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.worksheets.definition.DefinitionRules;

/**
 * The stored worksheet definitions, for every module that assigns, fills, shows or prints them.
 * <p>
 * Two kinds of lookup. By practice ({@link #find}, {@link #get}, {@link #findLatest},
 * {@link #latest(UUID, String)}):
 * any stored version of a built-in or of one of the practice's custom worksheets, shared or not —
 * for entries and assignments, which keep (key, version) and must always load, and whose access
 * their own module decides. By person ({@link #available}, {@link #latest(Actor, String)},
 * {@link #version(Actor, String, int)}): only what that clinician may pick from the library —
 * built-ins, the practice's shared worksheets and their own; anything else is 404.
 * <p>
 * Every stored version is read back through the format's rules; versions never change, so a read
 * definition is kept in memory.
 */
@Service
public class WorksheetLibrary {

    private static final Logger log = LoggerFactory.getLogger(WorksheetLibrary.class);
    private static final int CACHED = 2_000;

    private record Ref(UUID home, String key, int version) {
    }

    private final WorksheetStore store;
    private final Map<Ref, WorksheetDefinition> cache = Collections.synchronizedMap(
            new LinkedHashMap<Ref, WorksheetDefinition>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Ref, WorksheetDefinition> eldest) {
                    return size() > CACHED;
                }
            });

    WorksheetLibrary(WorksheetStore store) {
        this.store = store;
    }

    /** A stored version of a built-in or of one of the practice's custom worksheets (shared or not). */
    public Optional<WorksheetDefinition> find(UUID practiceId, String key, int version) {
        if (!isKey(key) || version < 1) {
            return Optional.empty();
        }
        Ref ref = new Ref(WorksheetStore.home(practiceId, key), key, version);
        WorksheetDefinition cached = cache.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<WorksheetDefinition> read = store.definitionJson(practiceId, key, version).map(json -> read(ref, json));
        read.ifPresent(d -> cache.put(ref, d));
        return read;
    }

    /** As {@link #find}, or a 404 problem. */
    public WorksheetDefinition get(UUID practiceId, String key, int version) {
        return find(practiceId, key, version).orElseThrow(() -> ProblemException.notFound("Worksheet"));
    }

    /** The latest version of a built-in or of one of the practice's worksheets (shared or not). */
    public Optional<WorksheetDefinition> findLatest(UUID practiceId, String key) {
        if (!isKey(key)) {
            return Optional.empty();
        }
        return store.worksheet(practiceId, key).flatMap(row -> find(practiceId, key, row.latestVersion()));
    }

    /** As {@link #findLatest}, or a 404 problem. */
    public WorksheetDefinition latest(UUID practiceId, String key) {
        return findLatest(practiceId, key).orElseThrow(() -> ProblemException.notFound("Worksheet"));
    }

    /** What a clinician may pick: the built-ins, the practice's shared worksheets and their own. */
    public List<WorksheetSummary> available(Actor actor) {
        return store.worksheets(actor.practiceId()).stream().filter(row -> visible(actor, row))
                .map(this::summary).toList();
    }

    /** One worksheet the clinician may see, or a 404 problem. */
    public WorksheetSummary summary(Actor actor, String key) {
        return summary(visibleRow(actor, key));
    }

    /** The latest version of a worksheet the clinician may see, or a 404 problem. */
    public WorksheetDefinition latest(Actor actor, String key) {
        WorksheetStore.Row row = visibleRow(actor, key);
        return get(actor.practiceId(), key, row.latestVersion());
    }

    /** A version of a worksheet the clinician may see, or a 404 problem. */
    public WorksheetDefinition version(Actor actor, String key, int version) {
        visibleRow(actor, key);
        return get(actor.practiceId(), key, version);
    }

    /** Every version of a worksheet the clinician may see, newest first. */
    public List<WorksheetVersion> versions(Actor actor, String key) {
        visibleRow(actor, key);
        return store.versions(actor.practiceId(), key).stream()
                .map(v -> new WorksheetVersion(v.key(), v.version(), v.title(), v.createdAt(), v.createdByName()))
                .toList();
    }

    /** Whether a key names a built-in (as opposed to a practice's custom worksheet). */
    public static boolean isBuiltIn(String key) {
        return key != null && !key.startsWith(WorksheetStore.CUSTOM_PREFIX);
    }

    WorksheetStore.Row visibleRow(Actor actor, String key) {
        if (!isKey(key)) {
            throw ProblemException.notFound("Worksheet");
        }
        return store.worksheet(actor.practiceId(), key).filter(row -> visible(actor, row))
                .orElseThrow(() -> ProblemException.notFound("Worksheet"));
    }

    private static boolean visible(Actor actor, WorksheetStore.Row row) {
        return row.builtIn() || row.shared() || actor.accountId().equals(row.ownerId());
    }

    private WorksheetSummary summary(WorksheetStore.Row row) {
        WorksheetDefinition latest = get(row.practiceId(), row.key(), row.latestVersion());
        return new WorksheetSummary(row.key(), row.latestVersion(), latest.title(), latest.category(),
                latest.purpose(), latest.suggestedDose(), row.builtIn(), row.shared(), row.ownerId(), row.ownerName(),
                row.copiedFromKey(), row.copiedFromVersion());
    }

    /** Reads a stored version with today's rules; a stored version that no longer reads is our bug, not the caller's. */
    private static WorksheetDefinition read(Ref ref, String json) {
        ParsedDefinition parsed = WorksheetDefinitions.parse(json);
        if (!parsed.isValid() || !parsed.definition().key().equals(ref.key())
                || parsed.definition().version() != ref.version()) {
            log.error("Stored worksheet {} version {} no longer reads: {}", ref.key(), ref.version(),
                    parsed.isValid() ? "key or version differs from its row" : parsed.problems());
            throw new IllegalStateException("stored worksheet " + ref.key() + " v" + ref.version() + " does not read");
        }
        return parsed.definition();
    }

    static boolean isKey(String key) {
        return key != null && key.length() <= Limits.KEY_LENGTH && DefinitionRules.KEY.matcher(key).matches();
    }
}
