package app.carryover.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.Resource;

import app.carryover.system.ProblemException;

/**
 * The search parameters the read API understands, checked strictly: an unknown parameter, a
 * malformed date or a count out of range is refused with a message naming it, never ignored.
 */
record FhirSearch(UUID patient, Predicate<Instant> lastUpdated, int count, int offset) {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;
    static final Set<String> SEARCHABLE = Set.of("Goal", "CarePlan", "ServiceRequest", "Task", "QuestionnaireResponse",
            "Observation", "Encounter");

    /** Parameters of a type search ({@code patient}, {@code _lastUpdated}, {@code _count}, {@code _offset}). */
    static FhirSearch typeSearch(Map<String, String[]> params) {
        return parse(params, Set.of("patient", "subject", "_lastUpdated", "_count", "_offset", "_format"), "_lastUpdated");
    }

    /** Parameters of {@code $everything} ({@code _since}, {@code _count}, {@code _offset}). */
    static FhirSearch everything(Map<String, String[]> params) {
        return parse(params, Set.of("_since", "_count", "_offset", "_format"), "_since");
    }

    private static FhirSearch parse(Map<String, String[]> params, Set<String> allowed, String dateParam) {
        for (String name : params.keySet()) {
            // Spring Security's CSRF field, which a signed-in page or test session may send along; not a search parameter.
            if (!allowed.contains(name) && !name.equals("_csrf")) {
                throw ProblemException.invalid(name, "is not a supported search parameter here; supported: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        UUID patient = null;
        for (String name : List.of("patient", "subject")) {
            String[] values = params.get(name);
            if (values != null) {
                patient = patient(name, single(name, values));
            }
        }
        Predicate<Instant> when = i -> true;
        for (String value : params.getOrDefault(dateParam, new String[0])) {
            when = when.and(dateParam.equals("_since") ? compare(dateParam, "ge" + value) : compare(dateParam, value));
        }
        int count = integer("_count", params.get("_count"), DEFAULT_COUNT, 1, MAX_COUNT);
        int offset = integer("_offset", params.get("_offset"), 0, 0, Integer.MAX_VALUE);
        return new FhirSearch(patient, when, count, offset);
    }

    private static String single(String name, String[] values) {
        if (values.length != 1) {
            throw ProblemException.invalid(name, "may be given once");
        }
        return values[0];
    }

    private static UUID patient(String name, String value) {
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a Patient id or reference (Patient/{id}), not '" + value + "'");
        }
    }

    private static int integer(String name, String[] values, int fallback, int min, int max) {
        if (values == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(single(name, values));
            if (n < min || n > max) {
                throw ProblemException.invalid(name, "must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    /** One {@code _lastUpdated} condition: a prefix (gt, ge, lt, le, eq; eq by default) and a FHIR date or dateTime. */
    static Predicate<Instant> compare(String name, String value) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String text = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
        Instant from;
        Instant until;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                until = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                from = OffsetDateTime.parse(text).toInstant();
                until = from.plusMillis(1);
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (2026-12-06) or a date-time with its offset "
                    + "(2026-12-06T09:00:00Z), optionally after gt, ge, lt, le or eq; not '" + value + "'");
        }
        Instant f = from;
        Instant u = until;
        return switch (prefix) {
            case "gt" -> i -> !i.isBefore(u);
            case "ge" -> i -> !i.isBefore(f);
            case "lt" -> i -> i.isBefore(f);
            case "le" -> i -> i.isBefore(u);
            case "eq" -> i -> !i.isBefore(f) && i.isBefore(u);
            default -> throw ProblemException.invalid(name, "has an unsupported prefix '" + prefix + "'; use gt, ge, lt, le or eq");
        };
    }

    /** The matching resources, oldest change first (so an incremental pull pages in order). */
    List<Resource> select(List<Resource> resources, Predicate<Resource> type) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            if (type.test(r) && (r.getMeta().getLastUpdated() == null || lastUpdated.test(r.getMeta().getLastUpdated().toInstant()))) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing((Resource r) -> r.getMeta().getLastUpdated() == null ? Instant.EPOCH
                : r.getMeta().getLastUpdated().toInstant()).thenComparing(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()));
        return out;
    }
}
