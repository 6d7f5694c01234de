package app.carryover.practice;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.carryover.audit.AuditAction;
import app.carryover.audit.AuditEntry;
import app.carryover.audit.AuditTrail;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.Role;

/** What other modules may ask about practices and their people. */
@Service
public class Practices implements app.carryover.system.PracticeZones {

    /** A practice as other modules see it. */
    public record PracticeView(UUID id, String name, ZoneId timeZone, boolean demo, boolean requireSecondFactor,
            int backdateDays, String emergencyContacts) {

        /** The practice's emergency contacts, or the built-in advice when it has set none. */
        public String emergencyAdvice() {
            return emergencyContacts == null || emergencyContacts.isBlank() ? DEFAULT_EMERGENCY : emergencyContacts;
        }
    }

    /** Shown on every page where a client writes, until the practice sets its own contacts. */
    public static final String DEFAULT_EMERGENCY = "Carryover is not watched in real time. If you are in danger or "
            + "might act on thoughts of harming yourself, call your local emergency number now (112 in Europe, 999 in "
            + "the UK, 911 in the US and Canada) or go to the nearest emergency department. You can also call a crisis "
            + "line: Samaritans 116 123 (UK and Ireland), 988 (US). Otherwise, contact your clinician.";

    /** A person of the practice as other modules see them: never a password or key. */
    public record Person(UUID id, String email, String displayName, java.util.Set<Role> roles, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private final PracticeRepository practices;
    private final AccountRepository accounts;
    private final AuditTrail audit;

    Practices(PracticeRepository practices, AccountRepository accounts, AuditTrail audit) {
        this.practices = practices;
        this.accounts = accounts;
        this.audit = audit;
    }

    public PracticeView of(Actor actor) {
        return practice(actor.practiceId()).map(Practices::view)
                .orElseThrow(() -> ProblemException.notFound("Practice"));
    }

    @Override
    public java.time.ZoneId zoneOf(UUID practiceId) {
        return practice(practiceId).map(Practice::timeZone).orElseThrow(() -> ProblemException.notFound("Practice"));
    }

    /** The practice's row, read once per reading request (every page shows its zone, name or demo mark). */
    private Optional<Practice> practice(UUID practiceId) {
        return app.carryover.system.RequestMemo.get("practice:" + practiceId, () -> practices.find(practiceId));
    }

    /**
     * The language a person reads Carryover in (their pages, e-mails and reminders), if they chose one
     * or accepted their invitation in a browser set to it; messages without one go out in English.
     */
    public Optional<java.util.Locale> language(UUID practiceId, UUID accountId) {
        return accounts.language(practiceId, accountId).flatMap(app.carryover.system.Languages::of);
    }

    /** The signed-in person chooses the language they read Carryover in. */
    @Transactional
    public void chooseLanguage(Actor actor, java.util.Locale language) {
        String tag = app.carryover.system.Languages.of(language == null ? null : language.getLanguage())
                .orElseThrow(() -> ProblemException.invalid("language", "must be English or Spanish")).getLanguage();
        accounts.setLanguage(actor.practiceId(), actor.accountId(), tag);
        audit.record(AuditEntry.by(actor, null, AuditAction.SETTINGS, "account", actor.accountId(), "language set to " + tag));
    }

    public Optional<Person> person(UUID practiceId, UUID accountId) {
        return accounts.find(practiceId, accountId).map(Practices::person);
    }

    /** Clinicians of the caller's practice (active and invited). */
    public List<Person> clinicians(Actor actor) {
        return accounts.withRole(actor.practiceId(), Role.CLINICIAN).stream().map(Practices::person).toList();
    }

    /** The practice's admins, for work done for the practice without a signed-in person (alert escalation). */
    public List<Person> admins(UUID practiceId) {
        return accounts.withRole(practiceId, Role.ADMIN).stream().map(Practices::person).toList();
    }

    /** Everyone on the staff of the caller's practice: admins and clinicians. */
    public List<Person> staff(Actor actor) {
        java.util.Map<UUID, Person> byId = new java.util.LinkedHashMap<>();
        accounts.withRole(actor.practiceId(), Role.ADMIN).forEach(a -> byId.put(a.id(), person(a)));
        accounts.withRole(actor.practiceId(), Role.CLINICIAN).forEach(a -> byId.put(a.id(), person(a)));
        return byId.values().stream().sorted(java.util.Comparator.comparing(Person::displayName)).toList();
    }

    /** Changes the practice's name, time zone and second-factor rule; admins only. */
    @Transactional
    public PracticeView updateSettings(Actor actor, String name, String timeZone, boolean requireSecondFactor) {
        PracticeView current = of(actor);
        return updateSettings(actor, name, timeZone, requireSecondFactor, current.backdateDays(),
                current.emergencyContacts());
    }

    /** Changes every practice setting; admins only. */
    @Transactional
    public PracticeView updateSettings(Actor actor, String name, String timeZone, boolean requireSecondFactor,
            int backdateDays, String emergencyContacts) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins change practice settings.");
        }
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw ProblemException.invalid("name", "must be 1 to 200 characters");
        }
        ZoneId zone = zone("timeZone", timeZone);
        if (backdateDays < 0 || backdateDays > 14) {
            throw ProblemException.invalid("backdateDays", "must be between 0 and 14");
        }
        String contacts = emergencyContacts == null || emergencyContacts.isBlank() ? null : emergencyContacts.strip();
        if (contacts != null && contacts.length() > 2000) {
            throw ProblemException.invalid("emergencyContacts", "must be at most 2,000 characters");
        }
        PracticeView before = of(actor);
        practices.updateSettings(actor.practiceId(), trimmed, zone, requireSecondFactor, backdateDays, contacts);
        if (before.requireSecondFactor() != requireSecondFactor) {
            audit.record(AuditEntry.by(actor, null, AuditAction.SETTINGS, "practice settings", actor.practiceId(),
                    "second factor for staff " + (requireSecondFactor ? "required" : "no longer required")));
        }
        if (before.backdateDays() != backdateDays || !java.util.Objects.equals(before.emergencyContacts(), contacts)) {
            audit.record(AuditEntry.by(actor, null, AuditAction.SETTINGS, "practice settings", actor.practiceId(),
                    "backdating or emergency contacts changed"));
        }
        if (!before.name().equals(trimmed) || !before.timeZone().equals(zone)) {
            audit.record(AuditEntry.by(actor, null, AuditAction.SETTINGS, "practice settings", actor.practiceId(),
                    "name or time zone changed"));
        }
        return of(actor);
    }

    /** How many hours after sign-in a session ends, however active (practice setting, 12 by default). */
    public int sessionHours(Actor actor) {
        return practices.sessionHours(actor.practiceId());
    }

    /** Refuses a session lifetime outside 1 to 168 hours, naming the field. */
    public static void checkSessionHours(int hours) {
        if (hours < 1 || hours > 168) {
            throw ProblemException.invalid("sessionHours", "must be between 1 and 168");
        }
    }

    /** Changes the session lifetime; admins only, audited. */
    @Transactional
    public void setSessionHours(Actor actor, int hours) {
        if (!actor.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only admins change practice settings.");
        }
        checkSessionHours(hours);
        int before = sessionHours(actor);
        if (before != hours) {
            practices.setSessionHours(actor.practiceId(), hours);
            audit.record(AuditEntry.by(actor, null, AuditAction.SETTINGS, "practice settings", actor.practiceId(),
                    "session lifetime changed from " + before + " to " + hours + " hours"));
        }
    }

    /** Parses an IANA time zone id, naming the field when it is not one. */
    public static ZoneId zone(String field, String id) {
        try {
            if (id == null || id.isBlank() || !id.contains("/") && !"UTC".equals(id)) {
                throw new java.time.DateTimeException(id);
            }
            return ZoneId.of(id.trim());
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid(field, "is not a known time zone (use a name such as Europe/London)");
        }
    }

    private static PracticeView view(Practice p) {
        return new PracticeView(p.id(), p.name(), p.timeZone(), p.demo(), p.requireSecondFactor(), p.backdateDays(),
                p.emergencyContacts());
    }

    private static Person person(Account a) {
        return new Person(a.id(), a.email(), a.displayName(), a.roles(), a.status().name());
    }
}
