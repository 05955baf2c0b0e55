package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

/**
 * A dot path split once, as GrowthBook's {@code getPath} walks it: each part names a field of an
 * object, an index of an array ("items.0") or an array's "length"; a walk that reaches anything
 * else yields JavaScript {@code null}, as does a JSON null.
 */
final class Path {
  private final String text;
  private final String[] parts;
  private final int[] indexes;

  Path(String text) {
    this.text = text;
    this.parts = text.split("\\.", -1);
    this.indexes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      indexes[i] = arrayIndex(parts[i]);
    }
  }

  private static int arrayIndex(String part) {
    if (part.isEmpty() || part.length() > 9 || (part.length() > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) < '0' || part.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(part);
  }

  String text() {
    return text;
  }

  /** The value at this path under {@code root}, or {@code null} for missing and JSON null. */
  JsonNode resolve(JsonNode root) {
    JsonNode current = root;
    for (int i = 0; i < parts.length && current != null; i++) {
      if (current.isObject()) {
        current = current.get(parts[i]);
      } else if (current.isArray()) {
        current = indexes[i] >= 0 ? current.get(indexes[i])
            : "length".equals(parts[i]) ? IntNode.valueOf(current.size()) : null;
      } else {
        return null;
      }
    }
    return current == null || current.isNull() ? null : current;
  }
}
