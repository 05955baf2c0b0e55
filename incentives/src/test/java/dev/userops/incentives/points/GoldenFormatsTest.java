package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.incentives.checkin.CheckInEvent;
import dev.userops.incentives.checkin.CheckInProgram;
import dev.userops.incentives.checkin.CheckInState;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.levels.LevelLadder;
import dev.userops.incentives.levels.LevelState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Persisted forms of format version 1 (DESIGN §6): the golden files under {@code
 * incentives/golden/} must still read back to the states today's policies compute, byte for byte.
 */
class GoldenFormatsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static String golden(String name) throws IOException {
    try (InputStream in = GoldenFormatsTest.class.getResourceAsStream("/incentives/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  static PointsState pointsState() {
    PointsProgram program = new PointsProgram(1,
        List.of(new PointsProgram.OrderRule("base", 0, 1, 100, 0, List.of("shipping"), Map.of(), Map.of(),
            new PointsProgram.Cap(Granularity.MONTH, 1000), false)),
        List.of(new PointsProgram.BehaviourRule("review", 0, "REVIEW", 5, null, false)), 7,
        PointsProgram.Expiry.endOfPeriod(PointsProgram.ExpiryUnit.YEAR, 1), PointsProgram.Overdraft.NEGATIVE_BALANCE, 90, null);
    PointsPolicy policy = program.policy(SHANGHAI);
    PointsState state = PointsState.empty();
    for (PointsEvent event : List.<PointsEvent>of(
        PointsEvent.PaidOrder.of("o-1", Instant.parse("2026-03-01T02:00:00Z"), 120_00, null),
        new PointsEvent.BehaviourDone("b-1", Instant.parse("2026-03-02T02:00:00Z"), "REVIEW", null),
        PointsEvent.PaidOrder.of("o-2", Instant.parse("2026-03-10T02:00:00Z"), 80_00, null),
        new PointsEvent.Redemption("r-1", Instant.parse("2026-03-12T02:00:00Z"), 100),
        new PointsEvent.OrderRefund("f-1", "o-2", Instant.parse("2026-03-13T02:00:00Z"), 40_00))) {
      state = policy.apply(state, event).state();
    }
    return state;
  }

  static CheckInState checkInState() {
    CheckInProgram program = new CheckInProgram(1, List.of(5L, 5L, 30L), new CheckInProgram.MakeUp(10, 2), null);
    CheckInState state = CheckInState.empty();
    for (String day : List.of("2026-03-01", "2026-03-02", "2026-03-04")) {
      state = program.policy().apply(state, CheckInEvent.today(day, Instant.parse(day + "T01:00:00Z"), SHANGHAI)).state();
    }
    return program.policy().apply(state, CheckInEvent.makeUp("m", Instant.parse("2026-03-04T02:00:00Z"), SHANGHAI,
        LocalDate.of(2026, 3, 3))).state();
  }

  static LevelState levelState() throws IOException {
    LevelLadder ladder = LevelLadder.fromJson(golden("ladder-v1.json"));
    LevelState state = LevelState.initial(ladder);
    for (LevelEvent event : List.<LevelEvent>of(
        new LevelEvent.OrderPaid("o-1", Instant.parse("2026-01-10T00:00:00Z"), 600_00),
        new LevelEvent.BehaviourDone("b-1", Instant.parse("2026-01-11T00:00:00Z"), "REVIEW_WITH_PHOTOS"),
        new LevelEvent.FloorGranted("g-1", Instant.parse("2026-02-01T00:00:00Z"), "gold", Instant.parse("2027-01-01T00:00:00Z")))) {
      state = ladder.policy(SHANGHAI).apply(state, event).state();
    }
    return state;
  }

  @Test
  void version1StatesReadBackEqualAndWriteBackIdentical() throws IOException {
    assertThat(PointsState.fromJson(golden("points-state-v1.json"))).isEqualTo(pointsState());
    assertThat(pointsState().toJson()).isEqualTo(golden("points-state-v1.json"));
    assertThat(CheckInState.fromJson(golden("checkin-state-v1.json"))).isEqualTo(checkInState());
    assertThat(checkInState().toJson()).isEqualTo(golden("checkin-state-v1.json"));
    assertThat(LevelState.fromJson(golden("level-state-v1.json"))).isEqualTo(levelState());
    assertThat(levelState().toJson()).isEqualTo(golden("level-state-v1.json"));
  }

  @Test
  void version1ProgramsReadBack() throws IOException {
    PointsProgram program = PointsProgram.fromJson(golden("points-program-v1.json"));
    assertThat(PointsProgram.fromJson(program.toJson())).isEqualTo(program);
    LevelLadder ladder = LevelLadder.fromJson(golden("ladder-v1.json"));
    assertThat(LevelLadder.fromJson(ladder.toJson())).isEqualTo(ladder);
  }
}
