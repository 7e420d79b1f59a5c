package io.serviceproof.services.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two versions of a layer, field by field: every leaf of the JSON document
 * flattened to its JSON pointer, then compared. Lists compare by position, which is how people read
 * "the third SLO changed".
 */
public final class VersionDiff {

    public record Change(String path, String before, String after) {}

    private VersionDiff() {}

    public static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> a = new TreeMap<>();
        Map<String, String> b = new TreeMap<>();
        flatten("", before, a);
        flatten("", after, b);
        List<Change> changes = new ArrayList<>();
        TreeMap<String, Boolean> paths = new TreeMap<>();
        a.keySet().forEach(p -> paths.put(p, true));
        b.keySet().forEach(p -> paths.put(p, true));
        for (String path : paths.keySet()) {
            String was = a.get(path);
            String is = b.get(path);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new Change(path, was, is));
            }
        }
        return changes;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "/" + i, node.get(i), out);
            }
        } else {
            out.put(path.isEmpty() ? "/" : path, node.isString() ? node.asString() : node.toString());
        }
    }
}
