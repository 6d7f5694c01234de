package app.carryover.system;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Task data stored as JSON rather than Java serialization: readable in the table, and a renamed
 * class does not strand executions already scheduled.
 */
final class JsonTaskData implements Serializer {

    private final JsonMapper json;

    JsonTaskData(JsonMapper json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        return data == null ? null : json.readValue(data, type);
    }
}
