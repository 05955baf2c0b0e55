package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.internal.BinaryForm;
import dev.userops.core.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushStateTest {
  private static final PushThrottle THROTTLE = PushThrottle.of(PushPolicy.fromJson(PushPolicyTest.EXAMPLE));

  /**
   * A typical user under the example policy (3 caps, the longest a 72-hour rolling one): consent on
   * two channels, 4 pushes over the last 3 days (2 of a campaign under cool-down, 1 keyed), a month
   * of activity at two habitual hours.
   */
  static PushState typical() {
    Instant now = Instant.parse("2026-03-10T12:00:00Z");
    PushState state = THROTTLE.withConsent(THROTTLE.newState(ZoneId.of("Asia/Shanghai")), "push", true);
    state = THROTTLE.withConsent(state, "email", false);
    for (int d = 30; d >= 0; d -= 1 + d % 3) {
      state = THROTTLE.recordActivity(state, now.minus(Duration.ofDays(d)).minus(Duration.ofHours(2)));
      state = THROTTLE.recordActivity(state, now.minus(Duration.ofDays(d)).plus(Duration.ofHours(9)));
    }
    String[] campaigns = {null, "spring", null, "spring"};
    for (int i = 0; i < 4; i++) {
      Message message = new Message("push", PushPolicy.MARKETING, campaigns[i], i == 2 ? "restock-42" : null);
      state = THROTTLE.record(state, new Delivery(message, now.minus(Duration.ofHours(70 - 20L * i))));
    }
    return state;
  }

  @Test
  void bothFormsRoundTripExactly() {
    PushState state = typical();
    assertThat(THROTTLE.stateFromBytes(THROTTLE.toBytes(state))).isEqualTo(state);
    assertThat(THROTTLE.stateFromJson(THROTTLE.toJson(state))).isEqualTo(state);
    PushState empty = THROTTLE.newState(ZoneId.of("UTC"));
    assertThat(THROTTLE.stateFromBytes(THROTTLE.toBytes(empty))).isEqualTo(empty);
    assertThat(THROTTLE.stateFromJson(THROTTLE.toJson(empty))).isEqualTo(empty);
  }

  @Test
  void aTypicalUserTakesAFewHundredBytes() {
    // Documented in PushState and benchmarks/README.md: 4 deliveries, 1 campaign, 1 key, 2 habitual
    // hours in each of the 7 weekdays.
    assertThat(THROTTLE.toBytes(typical())).hasSize(245);
    assertThat(THROTTLE.toJson(typical()).getBytes(StandardCharsets.UTF_8)).hasSize(918);
  }

  @Test
  void goldenFilesOfFormatOneStillRead() throws IOException {
    // Written by this code at format 1 from typical(); they must read back forever.
    assertThat(THROTTLE.stateFromBytes(resource("push-state-v1.bin"))).isEqualTo(typical());
    assertThat(THROTTLE.stateFromJson(new String(resource("push-state-v1.json"), StandardCharsets.UTF_8)))
        .isEqualTo(typical());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PushStateTest.class.getResourceAsStream("/incentives/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void channelsThePolicyDroppedAreDroppedFromTheState() {
    PushThrottle smsOnly = PushThrottle.of(PushPolicy.of(List.of("email", "sms"), List.of(PushPolicy.Cap.rolling(null, 1, "P1D"))));
    PushState state = smsOnly.stateFromBytes(THROTTLE.toBytes(typical()));
    assertThat(state.channels()).containsExactly("email", "sms");
    assertThat(state.consent("email")).isFalse();
    assertThat(state.retainedDeliveries()).isZero();
    assertThat(smsOnly.stateFromJson(THROTTLE.toJson(typical()))).isEqualTo(state);
  }

  @Test
  void badBytesAndJsonAreRejectedByName() {
    byte[] other = BinaryForm.writer("OSUM", 1).toByteArray();
    assertThatThrownBy(() -> THROTTLE.stateFromBytes(other)).hasMessage("expected binary form of family PUSH, got OSUM");
    byte[] future = BinaryForm.writer("PUSH", 2).toByteArray();
    assertThatThrownBy(() -> THROTTLE.stateFromBytes(future)).hasMessage("PUSH: expected format version 1..1, got 2");
    byte[] bytes = THROTTLE.toBytes(typical());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> THROTTLE.stateFromBytes(truncated)).hasMessageStartingWith("PUSH: truncated at histogram[");

    String json = THROTTLE.toJson(typical());
    assertJsonError(json.replace("\"version\":1", "\"version\":7"), "version", "expected 1, got 7");
    assertJsonError(json.replaceFirst("\"sentAt\":\"[^\"]*\"", "\"sentAt\":\"yesterday\""),
        "deliveries[0].sentAt", "expected ISO-8601 instant in whole millis from 1970 to 2527, got \"yesterday\"");
    assertJsonError(json.replace("\"zone\":", "\"tz\":\"UTC\",\"zone\":"), "tz",
        "unknown field \"tz\" (known: activity, campaigns, consent, deliveries, histogram, keys, version, zone)");
    assertJsonError(json.replace("\"push\":true", "\"push\":\"yes\""), "consent.push", "expected true or false, got \"yes\"");
  }

  private static void assertJsonError(String json, String path, String problem) {
    assertThatThrownBy(() -> THROTTLE.stateFromJson(json))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.path()).isEqualTo(path);
          assertThat(e.problem()).isEqualTo(problem);
        });
  }
}
