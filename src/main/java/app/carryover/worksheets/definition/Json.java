package app.carryover.worksheets.definition;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of this module: exact decimals, and duplicate keys refused. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** A parser's message without the source excerpt Jackson appends. */
    public static String shortMessage(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf("\n");
        return cut < 0 ? message : message.substring(0, cut);
    }
}
