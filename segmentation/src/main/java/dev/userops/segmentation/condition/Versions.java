package dev.userops.segmentation.condition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GrowthBook's {@code paddedVersionString}: drop a leading "v" and any "+build", split on "-" and
 * ".", append "~" to a plain x.y.z so that it sorts after its pre-releases, left-pad numeric parts
 * to 5 characters, and join with "-". Padded strings compare as versions by plain string order.
 */
final class Versions {
  private Versions() {}

  static String padded(JsonNode v) {
    String input;
    if (v != null && v.isNumber()) {
      input = JsValues.numberToString(v.doubleValue());
    } else if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
      input = v.textValue();
    } else {
      input = "0";
    }
    return padded(input);
  }

  static String padded(String input) {
    String core = input.startsWith("v") ? input.substring(1) : input;
    int plus = core.indexOf('+');
    if (plus >= 0) {
      core = core.substring(0, plus);
    }
    String[] parts = core.split("[-.]", -1);
    StringBuilder padded = new StringBuilder(core.length() + 24);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        padded.append('-');
      }
      String part = parts[i];
      if (!part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        padded.append("     ", 0, Math.max(0, 5 - part.length()));
      }
      padded.append(part);
    }
    if (parts.length == 3) {
      padded.append("-~");
    }
    return padded.toString();
  }
}
