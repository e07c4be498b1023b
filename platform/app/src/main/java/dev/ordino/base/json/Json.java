package dev.ordino.base.json;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small string maps stored as JSON text in one column (order item extras, extension settings). */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /** JSON text of the map; {@code "{}"} for an empty one (an instance with no setting values is still stored), null for null. */
    public static String writeMap(Map<String, String> map) {
        return map == null ? null : MAPPER.writeValueAsString(map);
    }

    public static Map<String, String> readMap(String json) {
        return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, STRING_MAP);
    }
}
