package dev.userops.incentives.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.ConfigErrors;
import dev.userops.incentives.Goldens;
import dev.userops.incentives.push.PushProgram.QuietHoursAction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PushProgramTest {
  static final String EXAMPLE = """
      {"version": 1,
       "channels": [{"id": "push"}, {"id": "email", "consent": "OPT_OUT"}, {"id": "wechat"}],
       "classes": [{"name": "flash-sale", "priority": 20, "quietHours": "DROP"}],
       "caps": [{"channel": "push", "max": 3, "window": "P1D", "mode": "CALENDAR"},
                {"max": 5, "window": "PT72H", "mode": "ROLLING"},
                {"max": 4, "window": "P1W", "mode": "CALENDAR",
                 "adaptive": {"perActiveDay": 0.5, "min": 1, "max": 14}}],
       "quietHours": {"start": "22:00", "end": "08:00"},
       "campaignCoolDown": "PT24H",
       "sendTime": {"fallback": "10:30"}}
      """;

  @Test
  void readsTheDocumentedExampleAndFillsDefaults() {
    PushProgram policy = PushProgram.fromJson(EXAMPLE);
    assertThat(policy.channels()).extracting(PushProgram.Channel::id).containsExactly("push", "email", "wechat");
    assertThat(policy.classes()).extracting(PushProgram.MessageClass::name)
        .containsExactly("flash-sale", PushProgram.TRANSACTIONAL, PushProgram.MARKETING);
    assertThat(policy.classes().get(0).capped()).isTrue();
    assertThat(policy.classes().get(1).quietHours()).isEqualTo(QuietHoursAction.IGNORE);
    assertThat(policy.caps().get(2).adaptive().minHistoryDays()).isEqualTo(28);
    assertThat(policy.dedupeWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(policy.sendTime().halfLife()).isEqualTo(Duration.ofDays(14));
    assertThat(policy.sendTime().fallback()).isEqualTo(LocalTime.of(10, 30));
    assertThat(policy.weekStart()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(PushProgram.fromJson(policy.toJson())).isEqualTo(policy);
  }

  @Test
  void errorsNameTheJsonPath() {
    assertError(EXAMPLE.replace("\"PT72H\"", "\"1 day\""),
        "caps[1].window", "expected an ISO-8601 duration from PT1M to P400D for a ROLLING cap, got \"1 day\"");
    assertError(EXAMPLE.replace("\"P1D\"", "\"P2D\""),
        "caps[0].window", "expected P1D, P1W or P1M for a CALENDAR cap, got \"P2D\"");
    assertError(EXAMPLE.replace("\"channel\": \"push\"", "\"channel\": \"fax\""),
        "caps[0].channel", "unknown channel \"fax\" (declared: push, email, wechat)");
    assertError(EXAMPLE.replace("\"max\": 3", "\"max\": -1"), "caps[0].max", "expected >= 0, got -1");
    assertError(EXAMPLE.replace("\"min\": 1", "\"min\": 20"), "caps[2].adaptive.min", "expected 0 <= min <= max (14), got 20");
    assertError(EXAMPLE.replace("\"end\": \"08:00\"", "\"end\": \"21:59\""),
        "quietHours.end", "quiet hours 22:00-21:59 cover the whole day");
    assertError(EXAMPLE.replace("{\"id\": \"wechat\"}", "{\"id\": \"push\"}"), "channels[2].id", "duplicate channel \"push\"");
    assertError(EXAMPLE.replace("\"priority\": 20", "\"priority\": 20, \"colour\": 1"),
        "classes[0].colour", "unknown field \"colour\" (known: capped, name, priority, quietHours)");
    assertError(EXAMPLE.replace("\"version\": 1", "\"version\": 2"), "version", "expected 1, got 2");
    assertError(EXAMPLE.replace("\"ROLLING\"", "\"SLIDING\""), "caps[1].mode", "expected one of [CALENDAR, ROLLING], got \"SLIDING\"");
  }

  private static void assertError(String json, String path, String problem) {
    ConfigErrors.assertRejected(PushProgram::fromJson, json, path, problem);
  }

  @Test
  void theGoldenProgramOfFormatOneStillReadsAndWritesTheSame() throws java.io.IOException {
    // Written at format 1 before the shared Cap: caps keep their flat JSON fields.
    PushProgram program = Goldens.assertRoundTrips("push-program-v1.json", PushProgram::fromJson, PushProgram::toJson);
    assertThat(program).isEqualTo(PushProgram.fromJson(EXAMPLE));
    assertThat(program.caps().get(0).cap()).isEqualTo(dev.userops.incentives.Cap.calendar(3, dev.userops.core.Granularity.DAY));
  }
}
