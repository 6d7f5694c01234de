package app.carryover.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * When each exported resource last changed, as Carryover served it: the hash of its content is kept
 * per resource, and {@code meta.lastUpdated} is the moment a different content was first served.
 * Many sources keep no change time (a session's status, an assignment's, derived Tasks and
 * Observations), so this is what makes {@code _lastUpdated} and {@code _since} exact: anything that
 * changed after an integrator's last pull is served with a later time than that pull. It also finds
 * the client a resource id belongs to, for reads by id. Questionnaires belong to no client and are
 * not kept here.
 */
@Component
class ResourceVersions {

    private final JdbcClient jdbc;
    private final FhirContext fhir;
    private final Clock clock;

    ResourceVersions(JdbcClient jdbc, FhirContext fhir, Clock clock) {
        this.jdbc = jdbc;
        this.fhir = fhir;
        this.clock = clock;
    }

    private record Known(byte[] hash, Instant lastUpdated) {
    }

    /**
     * Sets each client resource's {@code meta.lastUpdated} from the record, recording content not seen before;
     * answers each stamped resource's JSON without its {@code meta} (what was hashed), for {@link BundleJson}.
     */
    @Transactional
    Map<Resource, String> stamp(UUID practiceId, UUID clientId, List<Resource> resources) {
        Map<Resource, String> encoded = new IdentityHashMap<>();
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("SELECT resource_type, resource_id, content_hash, last_updated FROM fhir_resource_version "
                + "WHERE practice_id = ? AND client_id = ?").params(practiceId, clientId)
                .query(rs -> {
                    known.put(rs.getString(1) + "/" + rs.getString(2),
                            new Known(rs.getBytes(3), rs.getTimestamp(4).toInstant()));
                });
        IParser parser = fhir.newJsonParser();
        Instant now = clock.instant();
        Map<String, String[]> changed = new LinkedHashMap<>(); // type/id -> type, id, hash (a repeated id counted once)
        for (Resource r : resources) {
            if (r instanceof Questionnaire) {
                continue;
            }
            r.getMeta().setLastUpdatedElement(null);
            String json = parser.encodeResourceToString(r);
            encoded.put(r, json);
            byte[] hash = sha256(json);
            String key = r.fhirType() + "/" + r.getIdElement().getIdPart();
            Known k = known.get(key);
            if (k != null && Arrays.equals(k.hash(), hash)) {
                r.getMeta().setLastUpdated(Date.from(k.lastUpdated()));
                continue;
            }
            changed.put(key, new String[] {r.fhirType(), r.getIdElement().getIdPart(), HexFormat.of().formatHex(hash)});
            r.getMeta().setLastUpdated(Date.from(now));
        }
        if (!changed.isEmpty()) {
            // One statement for every new or changed resource (a year's record is some 2,000 on its first pull).
            jdbc.sql("""
                    INSERT INTO fhir_resource_version (practice_id, client_id, resource_type, resource_id, content_hash, last_updated)
                    SELECT ?, ?, n.resource_type, n.resource_id, decode(n.content_hash, 'hex'), ?
                    FROM unnest(?::text[], ?::text[], ?::text[]) AS n (resource_type, resource_id, content_hash)
                    ON CONFLICT (practice_id, resource_type, resource_id) DO UPDATE
                    SET content_hash = EXCLUDED.content_hash, last_updated = EXCLUDED.last_updated, client_id = EXCLUDED.client_id
                    WHERE fhir_resource_version.content_hash <> EXCLUDED.content_hash""")
                    .params(practiceId, clientId, Timestamp.from(now), column(changed, 0), column(changed, 1), column(changed, 2))
                    .update();
        }
        return encoded;
    }

    private static String[] column(Map<String, String[]> rows, int i) {
        return rows.values().stream().map(row -> row[i]).toArray(String[]::new);
    }

    /** The client a served resource belongs to, if it has been served before. */
    Optional<UUID> clientOf(UUID practiceId, String type, String id) {
        return jdbc.sql("SELECT client_id FROM fhir_resource_version WHERE practice_id = ? AND resource_type = ? AND resource_id = ?")
                .params(practiceId, type, id).query(UUID.class).optional();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
