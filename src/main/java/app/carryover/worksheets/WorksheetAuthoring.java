package app.carryover.worksheets;

import java.text.Normalizer;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;
import app.carryover.system.Uuids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom worksheets: a clinician creates one (from the builder, a copy, or the API), saves new
 * versions of their own, and shares it with the practice. Every document goes through the format's
 * rules before anything is stored, so a broken definition is refused with each problem at its path
 * and never reaches a client; each change is audited.
 */
@Service
public class WorksheetAuthoring {

    /** Where a new worksheet came from, when it is a copy. */
    public record Origin(String key, Integer version) {
        public static Origin none() {
            return new Origin(null, null);
        }
    }

    private final WorksheetStore store;
    private final WorksheetLibrary library;
    private final AuditTrail audit;
    private final Clock clock;

    WorksheetAuthoring(WorksheetStore store, WorksheetLibrary library, AuditTrail audit, Clock clock) {
        this.store = store;
        this.library = library;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores a new custom worksheet at version 1 under a key made from its title; the document's own
     * {@code key} and {@code version} are replaced.
     */
    @Transactional
    public WorksheetDefinition create(Actor actor, ObjectNode document, Origin origin) {
        requireClinician(actor);
        if (origin.key() != null) {
            library.version(actor, origin.key(), origin.version() == null ? 0 : origin.version());
        }
        String key = newKey(actor, document.get("title"));
        WorksheetDefinition definition = parse(document, key, 1);
        if (!store.insertWorksheet(actor.practiceId(), key, actor.accountId(), actor.displayName(), origin.key(),
                origin.version(), clock.instant())) {
            throw ProblemException.conflict("Another worksheet with this title was saved at the same moment; "
                    + "please save again.");
        }
        store.insertVersion(actor.practiceId(), Uuids.timeOrdered(), definition, actor.accountId(),
                actor.displayName(), clock.instant());
        audit.record(AuditEntry.by(actor, null, AuditAction.CREATE, "worksheet", key + " v1",
                origin.key() == null ? "created" : "created as a copy of " + origin.key() + " v" + origin.version()));
        return definition;
    }

    /**
     * Stores the document as the next version of one of the actor's worksheets. With
     * {@code basedOn}, refuses (409) when another version was saved since that one was opened.
     */
    @Transactional
    public WorksheetDefinition newVersion(Actor actor, String key, ObjectNode document, Integer basedOn) {
        requireOwner(actor, key);
        int latest = store.lockLatestVersion(actor.practiceId(), key);
        if (basedOn != null && basedOn != latest) {
            throw ProblemException.conflict("This worksheet was saved again after you opened version " + basedOn
                    + "; it is now at version " + latest + ". Open the latest version and make your change there.");
        }
        WorksheetDefinition definition = parse(document, key, latest + 1);
        store.insertVersion(actor.practiceId(), Uuids.timeOrdered(), definition, actor.accountId(),
                actor.displayName(), clock.instant());
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "worksheet", key + " v" + definition.version(),
                "new version"));
        return definition;
    }

    /** Shares one of the actor's worksheets with the practice, or stops sharing it. */
    @Transactional
    public void share(Actor actor, String key, boolean shared) {
        WorksheetStore.Row row = requireOwner(actor, key);
        if (row.shared() == shared) {
            return;
        }
        store.setShared(actor.practiceId(), key, shared);
        audit.record(AuditEntry.by(actor, null, AuditAction.CHANGE, "worksheet", key,
                shared ? "shared with the practice" : "no longer shared"));
    }

    /** The document read with the format's rules, under the given key and version; each problem named by its path. */
    public static WorksheetDefinition parse(ObjectNode document, String key, int version) {
        ObjectNode copy = document.deepCopy();
        copy.put("key", key);
        copy.put("version", version);
        ParsedDefinition parsed = WorksheetDefinitions.parse(copy.toString());
        if (!parsed.isValid()) {
            throw ProblemException.invalid(problems(parsed.problems()));
        }
        return parsed.definition();
    }

    static List<ProblemException.FieldProblem> problems(List<DefinitionProblem> problems) {
        return problems.stream()
                .map(p -> new ProblemException.FieldProblem(p.path().isEmpty() ? "body" : p.path(), p.message()))
                .toList();
    }

    private WorksheetStore.Row requireOwner(Actor actor, String key) {
        requireClinician(actor);
        WorksheetStore.Row row = library.visibleRow(actor, key);
        if (row.builtIn()) {
            throw ProblemException.forbidden("Built-in worksheets do not change; make a copy and edit that.");
        }
        if (!actor.accountId().equals(row.ownerId())) {
            throw ProblemException.forbidden("Only " + row.ownerName() + ", who made this worksheet, can change it; "
                    + "make a copy to edit your own.");
        }
        return row;
    }

    private static void requireClinician(Actor actor) {
        if (!actor.has(Role.CLINICIAN)) {
            throw ProblemException.forbidden("Only clinicians make worksheets.");
        }
    }

    /** "custom-" and the title's words, made unique in the practice ("custom-sleep-plan-2"). */
    private String newKey(Actor actor, JsonNode title) {
        String base = WorksheetStore.CUSTOM_PREFIX + slug(title != null && title.isString() ? title.stringValue() : "");
        Set<String> taken = new HashSet<>(store.keysStartingWith(actor.practiceId(), base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Lowercase ASCII words joined by hyphens, short enough to leave room for a suffix. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 36) {
            slug = slug.substring(0, 36).replaceAll("-+$", "");
        }
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "worksheet" + (slug.isEmpty() ? "" : "-" + slug);
        }
        return slug;
    }
}
