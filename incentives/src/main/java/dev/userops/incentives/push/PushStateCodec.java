package dev.userops.incentives.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.internal.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.core.ConfigException;
import dev.userops.core.UserOpsJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The persisted forms of {@link PushState}, version {@value #VERSION}.
 *
 * <p>Binary (family {@code PUSH}, big-endian after the {@link BinaryForm} header): zone id (string);
 * channel count (int), then per channel its id (string) and consent (byte: 0 no answer, 1 yes, 2 no);
 * delivery count (int), then per delivery {@code sentAtMillis << 6 | channel} (long, channel as
 * listed above, ascending); cool-down count (int) and per campaign id hash and last send (2 longs);
 * dedupe-key count (int) and per key hash and send (2 longs); first and last active epoch day and
 * the active-day bits (3 longs, {@code Long.MIN_VALUE} days when none); histogram as-of millis
 * (long), non-zero hour count (int), then per hour its index (byte) and weight (float bits, int).
 *
 * <p>JSON: {@code {"version":1,"zone":..,"consent":{"push":true},"deliveries":[{"channel":..,
 * "sentAt":..}],"campaigns":[{"id":"<16 hex>","sentAt":..}],"keys":[..],"activity":{"firstDay":..,
 * "lastDay":..,"days":"<16 hex>"},"histogram":{"asOf":..,"weights":{"<hour>":..}}}}; activity and
 * histogram are absent when empty.
 */
final class PushStateCodec {
  static final int VERSION = 1;
  private static final String FAMILY = "PUSH";
  private static final ObjectMapper MAPPER = UserOpsJson.mapper();

  private PushStateCodec() {}

  static byte[] toBytes(PushState state) {
    BinaryForm.Writer out = BinaryForm.writer(FAMILY, VERSION);
    out.putString(state.zone().getId());
    out.putInt(state.channels.size());
    for (int i = 0; i < state.channels.size(); i++) {
      out.putString(state.channels.get(i)).putByte(consentCode(state, i));
    }
    out.putInt(state.sends.length);
    for (long send : state.sends) {
      out.putLong(send);
    }
    putPairs(out, state.campaigns, state.campaignTimes);
    putPairs(out, state.keys, state.keyTimes);
    out.putLong(state.firstActiveDay).putLong(state.lastActiveDay).putLong(state.activeDays);
    out.putLong(state.histogramAsOf);
    int nonZero = 0;
    for (float weight : state.histogram) {
      nonZero += weight != 0 ? 1 : 0;
    }
    out.putInt(state.histogram.length == 0 ? -1 : nonZero);
    for (int h = 0; h < state.histogram.length; h++) {
      if (state.histogram[h] != 0) {
        out.putByte(h).putInt(Float.floatToIntBits(state.histogram[h]));
      }
    }
    return out.toByteArray();
  }

  private static int consentCode(PushState state, int channel) {
    long bit = 1L << channel;
    return (state.granted & bit) != 0 ? 1 : (state.revoked & bit) != 0 ? 2 : 0;
  }

  private static void putPairs(BinaryForm.Writer out, long[] ids, long[] times) {
    out.putInt(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.putLong(ids[i]).putLong(times[i]);
    }
  }

  static PushState fromBytes(PushThrottle throttle, byte[] bytes) {
    BinaryForm.Reader in = BinaryForm.reader(bytes, FAMILY, VERSION);
    CalendarIndex calendar;
    String zone = in.getString("zone");
    try {
      calendar = throttle.calendar(ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(FAMILY + ": zone: expected a zone id, got \"" + zone + "\"", e);
    }
    int channelCount = in.getInt("channels", 0, PushPolicy.MAX_CHANNELS);
    int[] mapping = new int[channelCount];
    long granted = 0;
    long revoked = 0;
    for (int i = 0; i < channelCount; i++) {
      mapping[i] = throttle.channels().indexOf(in.getString("channels[" + i + "].id"));
      int consent = in.getByte("channels[" + i + "].consent");
      Checks.checkArgument(consent <= 2, "%s: channels[%s].consent must be 0, 1 or 2, got %s", FAMILY, i, consent);
      if (mapping[i] >= 0) {
        granted |= consent == 1 ? 1L << mapping[i] : 0;
        revoked |= consent == 2 ? 1L << mapping[i] : 0;
      }
    }
    int sendCount = in.getInt("deliveries", 0, bytes.length / 8);
    long[] sends = new long[sendCount];
    int kept = 0;
    for (int i = 0; i < sendCount; i++) {
      long send = in.getLong("deliveries[" + i + "]");
      int channel = PushState.channelOf(send);
      requireMillis(PushState.sentAt(send), "deliveries[" + i + "]");
      Checks.checkArgument(channel < channelCount, "%s: deliveries[%s] names channel %s of %s", FAMILY, i, channel, channelCount);
      if (mapping[channel] >= 0 && throttle.channelHorizon(mapping[channel]) > 0) {
        sends[kept++] = PushState.sentAt(send) << PushState.CHANNEL_BITS | mapping[channel];
      }
    }
    sends = Arrays.copyOf(sends, kept);
    Arrays.sort(sends);
    long[][] campaigns = getPairs(in, "campaigns", bytes.length);
    long[][] keys = getPairs(in, "keys", bytes.length);
    long firstActiveDay = in.getLong("firstActiveDay");
    long lastActiveDay = in.getLong("lastActiveDay");
    long activeDays = in.getLong("activeDays");
    long histogramAsOf = in.getLong("histogramAsOf");
    int nonZero = in.getInt("histogram", -1, PushState.HOURS_PER_WEEK);
    float[] histogram = nonZero < 0 ? PushState.NO_HISTOGRAM : new float[PushState.HOURS_PER_WEEK];
    for (int i = 0; i < nonZero; i++) {
      int hour = in.getByte("histogram[" + i + "].hour");
      Checks.checkArgument(hour < PushState.HOURS_PER_WEEK, "%s: histogram[%s].hour must be < 168, got %s", FAMILY, i, hour);
      histogram[hour] = requireWeight(Float.intBitsToFloat(in.getInt("histogram[" + i + "].weight")), "histogram[" + i + "]");
    }
    in.finish();
    return new PushState(throttle.channels(), calendar, granted, revoked, sends, campaigns[0], campaigns[1],
        keys[0], keys[1], firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  private static long[][] getPairs(BinaryForm.Reader in, String field, int maxBytes) {
    int n = in.getInt(field, 0, maxBytes / 16);
    long[] ids = new long[n];
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = in.getLong(field + "[" + i + "].id");
      times[i] = requireMillis(in.getLong(field + "[" + i + "].sentAt"), field + "[" + i + "].sentAt");
    }
    return new long[][] {ids, times};
  }

  private static long requireMillis(long millis, String field) {
    Checks.checkArgument(
        millis >= 0 && millis <= PushThrottle.MAX_MILLIS, "%s: %s must be in [0, %s] epoch millis, got %s",
        FAMILY, field, PushThrottle.MAX_MILLIS, millis);
    return millis;
  }

  private static float requireWeight(float weight, String field) {
    Checks.checkArgument(Float.isFinite(weight) && weight >= 0, "%s: %s must be finite and >= 0, got %s", FAMILY, field, weight);
    return weight;
  }

  // ---------------------------------------------------------------- JSON

  static String toJson(PushState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("zone", state.zone().getId());
    ObjectNode consent = root.putObject("consent");
    for (int i = 0; i < state.channels.size(); i++) {
      int code = consentCode(state, i);
      if (code != 0) {
        consent.put(state.channels.get(i), code == 1);
      }
    }
    ArrayNode deliveries = root.putArray("deliveries");
    for (long send : state.sends) {
      deliveries.addObject()
          .put("channel", state.channels.get(PushState.channelOf(send)))
          .put("sentAt", Instant.ofEpochMilli(PushState.sentAt(send)).toString());
    }
    putPairs(root.putArray("campaigns"), state.campaigns, state.campaignTimes);
    putPairs(root.putArray("keys"), state.keys, state.keyTimes);
    if (state.lastActiveDay != PushState.NO_DAY) {
      root.putObject("activity")
          .put("firstDay", LocalDate.ofEpochDay(state.firstActiveDay).toString())
          .put("lastDay", LocalDate.ofEpochDay(state.lastActiveDay).toString())
          .put("days", hex(state.activeDays));
    }
    if (state.histogram.length > 0) {
      ObjectNode histogram = root.putObject("histogram");
      histogram.put("asOf", Instant.ofEpochMilli(state.histogramAsOf).toString());
      ObjectNode weights = histogram.putObject("weights");
      for (int h = 0; h < state.histogram.length; h++) {
        if (state.histogram[h] != 0) {
          // As a double, the float's exact value: it reads back bit for bit.
          weights.put(Integer.toString(h), (double) state.histogram[h]);
        }
      }
    }
    return Json.write(root);
  }

  private static String hex(long value) {
    return String.format("%016x", value);
  }

  private static void putPairs(ArrayNode array, long[] ids, long[] times) {
    for (int i = 0; i < ids.length; i++) {
      array.addObject().put("id", hex(ids[i])).put("sentAt", Instant.ofEpochMilli(times[i]).toString());
    }
  }

  static PushState fromJson(PushThrottle throttle, String json) {
    JsonNode root = Json.read(json, JsonNode.class);
    requireFields(root, "", Set.of("version", "zone", "consent", "deliveries", "campaigns", "keys", "activity", "histogram"));
    JsonNode version = require(root, "version", "");
    if (!version.isInt() || version.intValue() != VERSION) {
      throw new ConfigException("version", "expected " + VERSION + ", got " + version);
    }
    CalendarIndex calendar;
    String zone = text(require(root, "zone", ""), "zone");
    try {
      calendar = throttle.calendar(ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new ConfigException("zone", "expected time zone id (e.g. \"Asia/Shanghai\"), got \"" + zone + "\"", e);
    }
    List<String> channels = throttle.channels();
    long granted = 0;
    long revoked = 0;
    JsonNode consent = object(root.get("consent"), "consent");
    for (Iterator<String> names = consent.fieldNames(); names.hasNext(); ) {
      String channel = names.next();
      JsonNode answer = consent.get(channel);
      if (!answer.isBoolean()) {
        throw new ConfigException("consent." + channel, "expected true or false, got " + answer);
      }
      int i = channels.indexOf(channel);
      if (i >= 0) {
        granted |= answer.booleanValue() ? 1L << i : 0;
        revoked |= answer.booleanValue() ? 0 : 1L << i;
      }
    }
    JsonNode deliveries = array(root.get("deliveries"), "deliveries");
    long[] sends = new long[deliveries.size()];
    int kept = 0;
    for (int i = 0; i < deliveries.size(); i++) {
      String path = "deliveries[" + i + "]";
      JsonNode delivery = deliveries.get(i);
      requireFields(delivery, path, Set.of("channel", "sentAt"));
      int channel = channels.indexOf(text(require(delivery, "channel", path), path + ".channel"));
      long sentAt = instant(require(delivery, "sentAt", path), path + ".sentAt");
      if (channel >= 0 && throttle.channelHorizon(channel) > 0) {
        sends[kept++] = sentAt << PushState.CHANNEL_BITS | channel;
      }
    }
    sends = Arrays.copyOf(sends, kept);
    Arrays.sort(sends);
    long[][] campaigns = pairs(root.get("campaigns"), "campaigns");
    long[][] keys = pairs(root.get("keys"), "keys");
    long firstActiveDay = PushState.NO_DAY;
    long lastActiveDay = PushState.NO_DAY;
    long activeDays = 0;
    JsonNode activity = root.get("activity");
    if (activity != null) {
      requireFields(activity, "activity", Set.of("firstDay", "lastDay", "days"));
      firstActiveDay = date(require(activity, "firstDay", "activity"), "activity.firstDay");
      lastActiveDay = date(require(activity, "lastDay", "activity"), "activity.lastDay");
      activeDays = hexLong(require(activity, "days", "activity"), "activity.days");
    }
    float[] histogram = PushState.NO_HISTOGRAM;
    long histogramAsOf = 0;
    JsonNode histogramNode = root.get("histogram");
    if (histogramNode != null) {
      requireFields(histogramNode, "histogram", Set.of("asOf", "weights"));
      histogramAsOf = instant(require(histogramNode, "asOf", "histogram"), "histogram.asOf");
      histogram = new float[PushState.HOURS_PER_WEEK];
      JsonNode weights = object(require(histogramNode, "weights", "histogram"), "histogram.weights");
      for (Iterator<String> hours = weights.fieldNames(); hours.hasNext(); ) {
        String hour = hours.next();
        String path = "histogram.weights." + hour;
        int h;
        try {
          h = Integer.parseInt(hour);
        } catch (NumberFormatException e) {
          h = -1;
        }
        if (h < 0 || h >= PushState.HOURS_PER_WEEK) {
          throw new ConfigException(path, "expected an hour of week in [0, 168), got \"" + hour + "\"");
        }
        JsonNode weight = weights.get(hour);
        float value = weight.isNumber() ? (float) weight.doubleValue() : Float.NaN;
        if (!Float.isFinite(value) || value < 0) {
          throw new ConfigException(path, "expected a finite weight >= 0, got " + weight);
        }
        histogram[h] = value;
      }
    }
    return new PushState(channels, calendar, granted, revoked, sends, campaigns[0], campaigns[1], keys[0], keys[1],
        firstActiveDay, lastActiveDay, activeDays, histogram, histogramAsOf);
  }

  private static void requireFields(JsonNode node, String path, Set<String> known) {
    object(node, path.isEmpty() ? "(document)" : path);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            path.isEmpty() ? name : path + "." + name, "unknown field \"" + name + "\" (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private static JsonNode require(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ConfigException(path.isEmpty() ? field : path + "." + field, "expected a value, got none");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new ConfigException(path, "expected object, got " + node);
    }
    return node;
  }

  private static JsonNode array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw new ConfigException(path, "expected array, got " + node);
    }
    return node;
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new ConfigException(path, "expected string, got " + node);
    }
    return node.textValue();
  }

  private static long instant(JsonNode node, String path) {
    String text = text(node, path);
    try {
      Instant instant = Instant.parse(text);
      long millis = instant.toEpochMilli();
      if (millis < 0 || millis > PushThrottle.MAX_MILLIS || instant.getNano() % 1_000_000 != 0) {
        throw new DateTimeException("out of range");
      }
      return millis;
    } catch (DateTimeException | ArithmeticException e) {
      throw new ConfigException(path, "expected ISO-8601 instant in whole millis from 1970 to 2527, got \"" + text + "\"", e);
    }
  }

  private static long date(JsonNode node, String path) {
    String text = text(node, path);
    try {
      return LocalDate.parse(text).toEpochDay();
    } catch (DateTimeException e) {
      throw new ConfigException(path, "expected ISO-8601 date (YYYY-MM-DD), got \"" + text + "\"", e);
    }
  }

  private static long hexLong(JsonNode node, String path) {
    String text = text(node, path);
    if (!text.matches("[0-9a-f]{16}")) {
      throw new ConfigException(path, "expected 16 lower-case hex digits, got \"" + text + "\"");
    }
    return Long.parseUnsignedLong(text, 16);
  }

  private static long[][] pairs(JsonNode node, String path) {
    array(node, path);
    long[] ids = new long[node.size()];
    long[] times = new long[node.size()];
    for (int i = 0; i < node.size(); i++) {
      String item = path + "[" + i + "]";
      requireFields(node.get(i), item, Set.of("id", "sentAt"));
      ids[i] = hexLong(require(node.get(i), "id", item), item + ".id");
      times[i] = instant(require(node.get(i), "sentAt", item), item + ".sentAt");
    }
    return new long[][] {ids, times};
  }
}
