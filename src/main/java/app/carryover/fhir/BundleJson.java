package app.carryover.fhir;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.parser.IParser;

/**
 * A search Bundle as JSON, written around the resources' JSON that {@link ResourceVersions} already made
 * to hash them, so a page of a thousand resources is not encoded a second time. The text is the same as
 * HAPI's encoding of the whole Bundle ({@code EverythingCostTests} compares them): the Bundle's own
 * elements by HAPI, then {@code entry} (R4 orders it after {@code link}, before {@code signature}, which
 * search bundles do not have), each resource's {@code meta.lastUpdated} put where HAPI puts it (after
 * {@code id}). A resource that was not hashed, or has more in its {@code meta}, is encoded by HAPI.
 */
final class BundleJson {

    private BundleJson() {
    }

    /** {@code shell}: the Bundle without entries; each entry's search mode is {@code match}. */
    static String searchset(IParser parser, Bundle shell, String base, List<Resource> resources, Map<Resource, String> hashed) {
        if (resources.isEmpty() || !shell.getEntry().isEmpty() || shell.hasSignature()) {
            throw new IllegalArgumentException("an empty shell and some resources");
        }
        String head = parser.encodeResourceToString(shell);
        StringBuilder out = new StringBuilder(head.length() + resources.size() * 1500);
        out.append(head, 0, head.length() - 1).append(",\"entry\":[");
        boolean first = true;
        for (Resource r : resources) {
            out.append(first ? "" : ",").append("{\"fullUrl\":");
            string(out, base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart());
            out.append(",\"resource\":");
            resource(out, parser, r, hashed.get(r));
            out.append(",\"search\":{\"mode\":\"match\"}}");
            first = false;
        }
        return out.append("]}").toString();
    }

    private static void resource(StringBuilder out, IParser parser, Resource r, String withoutMeta) {
        Meta meta = r.getMeta();
        String prefix = "{\"resourceType\":\"" + r.fhirType() + "\",\"id\":\"" + r.getIdElement().getIdPart() + "\"";
        boolean onlyLastUpdated = meta.hasLastUpdated() && !meta.hasVersionId() && !meta.hasSource() && !meta.hasProfile()
                && !meta.hasSecurity() && !meta.hasTag() && !meta.hasExtension() && !meta.hasId();
        if (withoutMeta == null || !onlyLastUpdated || !withoutMeta.startsWith(prefix)
                || withoutMeta.startsWith(prefix + ",\"meta\"")) {
            out.append(parser.encodeResourceToString(r));
            return;
        }
        out.append(prefix).append(",\"meta\":{\"lastUpdated\":");
        string(out, meta.getLastUpdatedElement().getValueAsString());
        out.append('}').append(withoutMeta, prefix.length(), withoutMeta.length());
    }

    /** A JSON string as Jackson writes it: quotes, backslashes and control characters escaped. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
