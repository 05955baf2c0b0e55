package dev.userops.incentives.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.ConfigException;
import dev.userops.core.internal.Json;
import java.util.function.Consumer;

/**
 * Reads a configuration document whose format moved from version 1 to a newer one: a version 1
 * document is rewritten in the newer shape (as a tree) and read like one, so the records hold only
 * the current shape and old golden files keep reading. Not exported: an implementation detail of
 * the incentives programs.
 */
public final class VersionedJson {
  private VersionedJson() {}

  /**
   * Reads {@code json} as {@code type}, upgrading a version 1 document first.
   *
   * @param <T> the type read
   * @param json one JSON object with an integer {@code version}
   * @param type the record to read
   * @param current the version {@code type} reads, {@code >= 2}
   * @param fromV1 rewrites a version 1 tree into the shape of {@code current} (the version field is
   *     set afterwards)
   * @return the value read
   * @throws ConfigException naming the JSON path, also for a missing or unknown version
   */
  public static <T> T read(String json, Class<T> type, int current, Consumer<ObjectNode> fromV1) {
    ObjectNode document = Json.readObject(json);
    JsonNode version = document.get("version");
    if (version == null || !version.isInt() || (version.intValue() != 1 && version.intValue() != current)) {
      throw new ConfigException("version", "expected 1 or " + current + ", got " + Json.describe(version));
    }
    if (version.intValue() == 1) {
      fromV1.accept(document);
      document.put("version", current);
    }
    return Json.read(document, type);
  }

  /**
   * Rewrites a version 1 cap (a calendar period name and a maximum) as a {@link
   * dev.userops.incentives.Cap} object in place.
   *
   * @param rule the object holding the cap
   * @param periodField the field naming the period ({@code DAY}, {@code WEEK}, {@code MONTH}); removed
   * @param maxField the field of the maximum, or {@code null} when it is inside the period object
   * @param capField the field the cap object is written to
   */
  public static void upgradeCap(ObjectNode rule, String periodField, String maxField, String capField) {
    JsonNode period = rule.remove(periodField);
    JsonNode max = maxField == null ? null : rule.remove(maxField);
    if (period == null || period.isNull()) {
      rule.putNull(capField);
      return;
    }
    if (period.isObject()) {
      max = period.get("max");
      period = period.get("period");
    }
    ObjectNode cap = rule.putObject(capField);
    cap.set("max", max);
    String name = period == null ? "" : period.asText();
    cap.put("window", switch (name) {
      case "DAY" -> "P1D";
      case "WEEK" -> "P1W";
      case "MONTH" -> "P1M";
      default -> name;
    });
  }
}
