package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.internal.BinaryForm;
import dev.userops.incentives.ConfigErrors;
import dev.userops.incentives.Goldens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PushStateTest {
  private static final PushPolicy POLICY = PushProgram.fromJson(PushProgramTest.EXAMPLE).policy();

  /**
   * A typical user under the example policy (3 caps, the longest a 72-hour rolling one): consent on
   * two channels, 4 pushes over the last 3 days (2 of a campaign under cool-down, 1 keyed), a month
   * of activity at two habitual hours.
   */
  static PushState typical() {
    Instant now = Instant.parse("2026-03-10T12:00:00Z");
    PushState state = POLICY.withConsent(POLICY.newState(ZoneId.of("Asia/Shanghai")), "push", true);
    state = POLICY.withConsent(state, "email", false);
    for (int d = 30; d >= 0; d -= 1 + d % 3) {
      state = POLICY.recordActivity(state, now.minus(Duration.ofDays(d)).minus(Duration.ofHours(2)));
      state = POLICY.recordActivity(state, now.minus(Duration.ofDays(d)).plus(Duration.ofHours(9)));
    }
    String[] campaigns = {null, "spring", null, "spring"};
    for (int i = 0; i < 4; i++) {
      Message message = new Message("push", PushProgram.MARKETING, campaigns[i], i == 2 ? "restock-42" : null);
      state = POLICY.record(state, message, now.minus(Duration.ofHours(70 - 20L * i)));
    }
    return state;
  }

  @Test
  void bothFormsRoundTripExactly() {
    PushState state = typical();
    assertThat(PushState.fromBytes(state.toBytes())).isEqualTo(state);
    assertThat(PushState.fromJson(state.toJson())).isEqualTo(state);
    PushState empty = POLICY.newState(ZoneId.of("UTC"));
    assertThat(PushState.fromBytes(empty.toBytes())).isEqualTo(empty);
    assertThat(PushState.fromJson(empty.toJson())).isEqualTo(empty);
  }

  @Test
  void aTypicalUserTakesAFewHundredBytes() {
    // Documented in PushState and benchmarks/README.md: 4 deliveries, 1 campaign, 1 key, 2 habitual
    // hours in each of the 7 weekdays.
    assertThat(typical().toBytes()).hasSize(245);
    assertThat(typical().toJson().getBytes(StandardCharsets.UTF_8)).hasSize(955);
  }

  @Test
  void goldenFilesStillRead() throws IOException {
    // Written by this code from typical(); they must read back forever. Binary format 1 and JSON
    // format 2 list every channel of the layout; JSON format 1 only those with an answer or a
    // delivery, so it equals typical() once the policy lays it out.
    assertThat(PushState.fromBytes(Goldens.bytes("push-state-v1.bin"))).isEqualTo(typical());
    assertThat(Goldens.assertRoundTrips("push-state-v2.json", PushState::fromJson, PushState::toJson))
        .isEqualTo(typical());
    PushState v1 = PushState.fromJson(Goldens.text("push-state-v1.json"));
    assertThat(v1.channels()).containsExactly("push", "email");
    assertThat(POLICY.own(v1)).isEqualTo(typical());
  }

  @Test
  void aStateReadsBackWithoutThePolicyAndDecidesAlikeUnderIt() {
    PushState read = PushState.fromBytes(typical().toBytes());
    assertThat(read.channels()).containsExactly("push", "email", "wechat");
    assertThat(read.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(read.consent("email")).isFalse();
    assertThat(read.retainedDeliveries()).isEqualTo(4);
    Message message = new Message("push", PushProgram.MARKETING, "spring", null);
    Instant now = Instant.parse("2026-03-10T12:00:00Z");
    assertThat(POLICY.apply(read, message, now)).isEqualTo(POLICY.apply(typical(), message, now));
  }

  @Test
  void badBytesAndJsonAreRejectedByName() {
    byte[] other = BinaryForm.writer("OSUM", 1).toByteArray();
    assertThatThrownBy(() -> PushState.fromBytes(other)).hasMessage("expected binary form of family PUSH, got OSUM");
    byte[] future = BinaryForm.writer("PUSH", 2).toByteArray();
    assertThatThrownBy(() -> PushState.fromBytes(future)).hasMessage("PUSH: expected format version 1..1, got 2");
    byte[] bytes = typical().toBytes();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> PushState.fromBytes(truncated)).hasMessageStartingWith("PUSH: truncated at histogram[");

    String json = typical().toJson();
    assertJsonError(json.replace("\"version\":2", "\"version\":7"), "version", "expected 1 to 2, got 7");
    assertJsonError(json.replaceFirst("\"sentAt\":\"[^\"]*\"", "\"sentAt\":\"yesterday\""),
        "deliveries[0].sentAt", "expected an ISO-8601 instant (e.g. \"2026-01-31T16:00:00Z\"), got \"yesterday\"");
    assertJsonError(json.replaceFirst("\"sentAt\":\"[^\"]*\"", "\"sentAt\":\"1969-12-31T23:59:59Z\""),
        "deliveries[0].sentAt", "expected ISO-8601 instant in whole millis from 1970 to 2527, got 1969-12-31T23:59:59Z");
    assertJsonError(json.replace("\"zone\":", "\"tz\":\"UTC\",\"zone\":"), "tz",
        "unknown field \"tz\" (known: activity, campaigns, channels, consent, deliveries, histogram, keys, version, zone)");
    assertJsonError(json.replace("\"push\":true", "\"push\":\"yes\""), "consent.push", "expected true or false, got \"yes\"");
    assertJsonError(json.replace("\"push\":true", "\"fax\":true"), "consent.fax",
        "unknown channel (channels: [push, email, wechat])");
    assertJsonError(json.replaceFirst("\"id\":\"[0-9a-f]*\"", "\"id\":\"spring\""), "campaigns[0].id",
        "expected 16 lower-case hex digits, got \"spring\"");
    assertJsonError(json.replace("\"channels\":[\"push\",\"email\",\"wechat\"],", ""), "channels",
        "expected the state's channel ids, got none");
  }

  private static void assertJsonError(String json, String path, String problem) {
    ConfigErrors.assertRejected(PushState::fromJson, json, path, problem);
  }
}
