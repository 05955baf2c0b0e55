package dev.userops.incentives.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.support.ConfigPaths;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The persisted forms of {@link PushState}: binary version {@value #BINARY_VERSION}, JSON version
 * {@value #JSON_VERSION} (version 1 still reads).
 *
 * <p>Binary (family {@code PUSH}, big-endian after the {@link BinaryForm} header): zone id (string);
 * channel count (int), then per channel its id (string) and consent (byte: 0 no answer, 1 yes, 2 no);
 * delivery count (int), then per delivery {@code sentAtMillis << 6 | channel} (long, channel as
 * listed above, ascending); cool-down count (int) and per campaign id hash and last send (2 longs);
 * dedupe-key count (int) and per key hash and send (2 longs); first and last active epoch day and
 * the active-day bits (3 longs, {@code Long.MIN_VALUE} days when none); histogram as-of millis
 * (long), non-zero hour count (int, -1 for no histogram), then per hour its index (byte) and weight
 * (float bits, int).
 *
 * <p>JSON, through the private record {@link Document} and {@link UserOpsJson}: {@code
 * {"version":2,"zone":..,"channels":["push",..],"consent":{"push":true},"deliveries":[{"channel":..,
 * "sentAt":..}],"campaigns":[{"id":"<16 hex>","sentAt":..}],"keys":[..],"activity":{"firstDay":..,
 * "lastDay":..,"days":"<16 hex>"},"histogram":{"asOf":..,"weights":{"<hour>":..}}}}; activity and
 * histogram are absent when empty. Version 1 had no {@code channels}: the state then lists the
 * channels its consent answers and deliveries name, in order of appearance.
 */
final class PushStateCodec {
  static final int BINARY_VERSION = 1;
  static final int JSON_VERSION = 2;
  private static final String FAMILY = "PUSH";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{16}");

  private PushStateCodec() {}

  // ---------------------------------------------------------------- binary

  static byte[] toBytes(PushState state) {
    BinaryForm.Writer out = BinaryForm.writer(FAMILY, BINARY_VERSION);
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

  static PushState fromBytes(byte[] bytes) {
    BinaryForm.Reader in = BinaryForm.reader(bytes, FAMILY, BINARY_VERSION);
    String zone = in.getString("zone");
    CalendarIndex calendar;
    try {
      calendar = CalendarIndex.of(ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(FAMILY + ": zone: expected a zone id, got \"" + zone + "\"", e);
    }
    int channelCount = in.getInt("channels", 0, PushProgram.MAX_CHANNELS);
    List<String> channels = new ArrayList<>(channelCount);
    long granted = 0;
    long revoked = 0;
    for (int i = 0; i < channelCount; i++) {
      String channel = in.getString("channels[" + i + "].id").intern();
      Checks.checkArgument(!channels.contains(channel), "%s: channels[%s].id: duplicate channel \"%s\"", FAMILY, i, channel);
      channels.add(channel);
      int consent = in.getByte("channels[" + i + "].consent");
      Checks.checkArgument(consent <= 2, "%s: channels[%s].consent must be 0, 1 or 2, got %s", FAMILY, i, consent);
      granted |= consent == 1 ? 1L << i : 0;
      revoked |= consent == 2 ? 1L << i : 0;
    }
    int sendCount = in.getInt("deliveries", 0, bytes.length / 8);
    long[] sends = new long[sendCount];
    for (int i = 0; i < sendCount; i++) {
      long send = in.getLong("deliveries[" + i + "]");
      requireMillis(PushState.sentAt(send), "deliveries[" + i + "]");
      Checks.checkArgument(PushState.channelOf(send) < channelCount,
          "%s: deliveries[%s] names channel %s of %s", FAMILY, i, PushState.channelOf(send), channelCount);
      sends[i] = send;
    }
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
      float weight = Float.intBitsToFloat(in.getInt("histogram[" + i + "].weight"));
      Checks.checkArgument(Float.isFinite(weight) && weight >= 0,
          "%s: histogram[%s] must be finite and >= 0, got %s", FAMILY, i, weight);
      histogram[hour] = weight;
    }
    in.finish();
    return new PushState(List.copyOf(channels), calendar, granted, revoked, sends, campaigns[0], campaigns[1],
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
        millis >= 0 && millis <= PackedDecision.MAX_MILLIS, "%s: %s must be in [0, %s] epoch millis, got %s",
        FAMILY, field, PackedDecision.MAX_MILLIS, millis);
    return millis;
  }

  // ---------------------------------------------------------------- JSON

  /** The JSON document; constructors check each field, messages start with the field's name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"version", "zone", "channels", "consent", "deliveries", "campaigns", "keys", "activity", "histogram"})
  record Document(
      int version,
      ZoneId zone,
      List<String> channels,
      Map<String, Boolean> consent,
      List<Sent> deliveries,
      List<Stamp> campaigns,
      List<Stamp> keys,
      Activity activity,
      Histogram histogram) {
    Document {
      Checks.checkArgument(version == 1 || version == JSON_VERSION, "version: expected 1 to %s, got %s", JSON_VERSION, version);
      Checks.checkArgument(zone != null, "zone: expected a time zone id, got none");
      Checks.checkArgument(version == 1 || channels != null, "channels: expected the state's channel ids, got none");
      consent = consent == null ? Map.of() : consent;
      deliveries = deliveries == null ? List.of() : deliveries;
      campaigns = campaigns == null ? List.of() : campaigns;
      keys = keys == null ? List.of() : keys;
      for (Map.Entry<String, Boolean> answer : consent.entrySet()) {
        Checks.checkArgument(answer.getValue() != null, "consent.%s: expected true or false, got null", answer.getKey());
        Checks.checkArgument(channels == null || channels.contains(answer.getKey()),
            "consent.%s: unknown channel (channels: %s)", answer.getKey(), channels);
      }
      for (int i = 0; i < deliveries.size(); i++) {
        String channel = Checks.requireNonNull(deliveries.get(i), "deliveries[" + i + "]").channel();
        Checks.checkArgument(channels == null || channels.contains(channel),
            "deliveries[%s].channel: unknown channel \"%s\" (channels: %s)", i, channel, channels);
      }
    }
  }

  /** A counted delivery. */
  record Sent(String channel, Instant sentAt) {
    Sent {
      Checks.checkArgument(channel != null && !channel.isBlank(), "channel: expected a channel id, got %s", channel);
      requireInstant(sentAt, "sentAt");
    }
  }

  /** A campaign or message key (its 64-bit hash in hex) and when it was last sent. */
  record Stamp(String id, Instant sentAt) {
    Stamp {
      requireHex(id, "id");
      requireInstant(sentAt, "sentAt");
    }
  }

  /** Active local days: the first and last, and bit i for day {@code lastDay - i}. */
  record Activity(LocalDate firstDay, LocalDate lastDay, String days) {
    Activity {
      Checks.checkArgument(firstDay != null, "firstDay: expected ISO-8601 date (YYYY-MM-DD), got none");
      Checks.checkArgument(lastDay != null, "lastDay: expected ISO-8601 date (YYYY-MM-DD), got none");
      requireHex(days, "days");
    }
  }

  /** Decayed weights per local hour of week (Monday 00:00 = 0) as of an instant. */
  record Histogram(Instant asOf, Map<Integer, Double> weights) {
    Histogram {
      requireInstant(asOf, "asOf");
      weights = new TreeMap<>(weights == null ? Map.of() : weights);
      for (Map.Entry<Integer, Double> weight : weights.entrySet()) {
        int hour = weight.getKey();
        Checks.checkArgument(hour >= 0 && hour < PushState.HOURS_PER_WEEK,
            "weights.%s: expected an hour of week in [0, 168), got %s", hour, hour);
        Double value = weight.getValue();
        Checks.checkArgument(value != null && Double.isFinite(value) && value >= 0,
            "weights.%s: expected a finite weight >= 0, got %s", hour, value);
      }
    }
  }

  private static void requireHex(String text, String field) {
    Checks.checkArgument(text != null && HEX.matcher(text).matches(),
        "%s: expected 16 lower-case hex digits, got %s", field, text == null ? null : "\"" + text + "\"");
  }

  private static void requireInstant(Instant instant, String field) {
    Checks.checkArgument(
        instant != null && instant.getEpochSecond() >= 0 && instant.getNano() % 1_000_000 == 0
            && instant.getEpochSecond() <= PackedDecision.MAX_MILLIS / 1000
            && instant.toEpochMilli() <= PackedDecision.MAX_MILLIS,
        "%s: expected ISO-8601 instant in whole millis from 1970 to 2527, got %s", field, instant);
  }

  static String toJson(PushState state) {
    Map<String, Boolean> consent = new LinkedHashMap<>();
    for (int i = 0; i < state.channels.size(); i++) {
      int code = consentCode(state, i);
      if (code != 0) {
        consent.put(state.channels.get(i), code == 1);
      }
    }
    List<Sent> deliveries = new ArrayList<>();
    for (long send : state.sends) {
      deliveries.add(new Sent(state.channels.get(PushState.channelOf(send)), Instant.ofEpochMilli(PushState.sentAt(send))));
    }
    Activity activity = state.lastActiveDay == PushState.NO_DAY ? null : new Activity(
        LocalDate.ofEpochDay(state.firstActiveDay), LocalDate.ofEpochDay(state.lastActiveDay), hex(state.activeDays));
    Histogram histogram = null;
    if (state.histogram.length > 0) {
      Map<Integer, Double> weights = new TreeMap<>();
      for (int h = 0; h < state.histogram.length; h++) {
        if (state.histogram[h] != 0) {
          // As a double, the float's exact value: it reads back bit for bit.
          weights.put(h, (double) state.histogram[h]);
        }
      }
      histogram = new Histogram(Instant.ofEpochMilli(state.histogramAsOf), weights);
    }
    return Json.write(new Document(JSON_VERSION, state.zone(), state.channels, consent, deliveries,
        stamps(state.campaigns, state.campaignTimes), stamps(state.keys, state.keyTimes), activity, histogram));
  }

  private static String hex(long value) {
    return String.format("%016x", value);
  }

  private static List<Stamp> stamps(long[] ids, long[] times) {
    List<Stamp> stamps = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      stamps.add(new Stamp(hex(ids[i]), Instant.ofEpochMilli(times[i])));
    }
    return stamps;
  }

  static PushState fromJson(String json) {
    Document doc;
    try {
      doc = Json.read(json, Document.class);
    } catch (ConfigException e) {
      throw ConfigPaths.refined(e);
    }
    if (doc == null) {
      throw new ConfigException("", "expected a push state object, got null");
    }
    List<String> channels = new ArrayList<>(doc.channels() == null ? List.of() : doc.channels());
    if (doc.version() == 1) {
      doc.consent().keySet().forEach(channel -> addIfAbsent(channels, channel));
      doc.deliveries().forEach(sent -> addIfAbsent(channels, sent.channel()));
    }
    if (channels.size() > PushProgram.MAX_CHANNELS || channels.size() != channels.stream().distinct().count()) {
      throw new ConfigException("channels", "expected at most " + PushProgram.MAX_CHANNELS + " distinct channel ids, got " + channels);
    }
    long granted = 0;
    long revoked = 0;
    for (Map.Entry<String, Boolean> answer : doc.consent().entrySet()) {
      long bit = 1L << channels.indexOf(answer.getKey());
      granted |= answer.getValue() ? bit : 0;
      revoked |= answer.getValue() ? 0 : bit;
    }
    long[] sends = new long[doc.deliveries().size()];
    for (int i = 0; i < sends.length; i++) {
      Sent sent = doc.deliveries().get(i);
      sends[i] = sent.sentAt().toEpochMilli() << PushState.CHANNEL_BITS | channels.indexOf(sent.channel());
    }
    Arrays.sort(sends);
    long[][] campaigns = pairs(doc.campaigns());
    long[][] keys = pairs(doc.keys());
    Activity activity = doc.activity();
    float[] histogram = PushState.NO_HISTOGRAM;
    long histogramAsOf = 0;
    if (doc.histogram() != null) {
      histogramAsOf = doc.histogram().asOf().toEpochMilli();
      histogram = new float[PushState.HOURS_PER_WEEK];
      for (Map.Entry<Integer, Double> weight : doc.histogram().weights().entrySet()) {
        histogram[weight.getKey()] = (float) weight.getValue().doubleValue();
      }
    }
    channels.replaceAll(String::intern);
    return new PushState(List.copyOf(channels), CalendarIndex.of(doc.zone()), granted, revoked, sends,
        campaigns[0], campaigns[1], keys[0], keys[1],
        activity == null ? PushState.NO_DAY : activity.firstDay().toEpochDay(),
        activity == null ? PushState.NO_DAY : activity.lastDay().toEpochDay(),
        activity == null ? 0 : Long.parseUnsignedLong(activity.days(), 16),
        histogram, histogramAsOf);
  }

  private static void addIfAbsent(List<String> channels, String channel) {
    if (!channels.contains(channel)) {
      channels.add(channel);
    }
  }

  private static long[][] pairs(List<Stamp> stamps) {
    long[] ids = new long[stamps.size()];
    long[] times = new long[stamps.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Long.parseUnsignedLong(stamps.get(i).id(), 16);
      times[i] = stamps.get(i).sentAt().toEpochMilli();
    }
    return new long[][] {ids, times};
  }
}
