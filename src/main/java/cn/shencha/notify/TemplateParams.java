package cn.shencha.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A notification's template arguments: stored as a JSON array, handed to gateways by name. */
final class TemplateParams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private TemplateParams() {
    }

    static String toJson(List<String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable notification params: " + json, e);
        }
    }

    /** The arguments by the names the kind gives them. */
    static Map<String, String> named(NoticeKind kind, List<String> values) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < kind.params().size(); i++) {
            named.put(kind.params().get(i), i < values.size() ? values.get(i) : "");
        }
        return named;
    }
}
