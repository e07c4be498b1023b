package dev.ordino.plugins.midtrans;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Reading the flat, string-typed JSON Midtrans sends. */
final class MidtransJson {

    private static final int MAX_MESSAGE = 300;

    private MidtransJson() {
    }

    /** A member as text exactly as sent (numbers keep their original digits), or {@code null}. */
    static String string(JsonObject object, String key) {
        JsonElement value = object == null ? null : object.get(key);
        return value instanceof JsonPrimitive primitive ? primitive.getAsString() : null;
    }

    static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
