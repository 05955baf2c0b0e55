package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Goldens;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.checkin.CheckInEvent;
import dev.userops.incentives.checkin.CheckInProgram;
import dev.userops.incentives.checkin.CheckInState;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.levels.LevelProgram;
import dev.userops.incentives.levels.LevelState;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Persisted forms (DESIGN §6): the golden files under {@code incentives/golden/} of every format
 * version must still read back to the states and programs today's code computes, and the current
 * versions must write back byte for byte.
 */
class GoldenFormatsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static PointsState pointsState() {
    // The program of version 1's golden state; only its document shape changed since.
    PointsProgram program = PointsProgram.of(90,
            List.of(PointsProgram.OrderRule.of("base", 1, 100).withLines(List.of("shipping"), Map.of(), Map.of())
                .withCap(Cap.calendar(1000, Granularity.MONTH))),
            List.of(PointsProgram.BehaviourRule.of("review", "REVIEW", 5)))
        .withLockDays(7)
        .withExpiry(PointsProgram.Expiry.endOfYear(1));
    PointsPolicy policy = program.policy(SHANGHAI);
    PointsState state = policy.newState();
    for (PointsEvent event : List.<PointsEvent>of(
        OrderPaid.of("o-1", Instant.parse("2026-03-01T02:00:00Z"), 120_00, null),
        new BehaviourDone("b-1", Instant.parse("2026-03-02T02:00:00Z"), "REVIEW", null),
        OrderPaid.of("o-2", Instant.parse("2026-03-10T02:00:00Z"), 80_00, null),
        new PointsEvent.Redemption("r-1", Instant.parse("2026-03-12T02:00:00Z"), 100),
        new PointsEvent.OrderRefund("f-1", "o-2", Instant.parse("2026-03-13T02:00:00Z"), 40_00))) {
      state = policy.apply(state, event).state();
    }
    return state;
  }

  static CheckInState checkInState() {
    CheckInProgram program = new CheckInProgram(1, List.of(5L, 5L, 30L), new CheckInProgram.MakeUp(10, 2), null);
    CheckInState state = program.policy().newState();
    for (String day : List.of("2026-03-01", "2026-03-02", "2026-03-04")) {
      state = program.policy().apply(state, CheckInEvent.today(day, Instant.parse(day + "T01:00:00Z"), SHANGHAI)).state();
    }
    return program.policy().apply(state, CheckInEvent.makeUp("m", Instant.parse("2026-03-04T02:00:00Z"), SHANGHAI,
        LocalDate.of(2026, 3, 3))).state();
  }

  static LevelState levelState() throws IOException {
    LevelProgram ladder = LevelProgram.fromJson(Goldens.text("ladder-v1.json"));
    LevelState state = ladder.policy(SHANGHAI).newState();
    for (LevelEvent event : List.<LevelEvent>of(
        OrderPaid.of("o-1", Instant.parse("2026-01-10T00:00:00Z"), 600_00, null),
        new BehaviourDone("b-1", Instant.parse("2026-01-11T00:00:00Z"), "REVIEW_WITH_PHOTOS", null),
        new LevelEvent.FloorGranted("g-1", Instant.parse("2026-02-01T00:00:00Z"), "gold", Instant.parse("2027-01-01T00:00:00Z")))) {
      state = ladder.policy(SHANGHAI).apply(state, event).state();
    }
    return state;
  }

  @Test
  void statesOfEveryFormatReadBackEqualAndTheCurrentOnesWriteBackIdentical() throws IOException {
    assertThat(PointsState.fromJson(Goldens.text("points-state-v1.json"))).isEqualTo(pointsState());
    assertThat(PointsState.fromJson(Goldens.text("points-state-v2.json"))).isEqualTo(pointsState());
    assertThat(pointsState().toJson()).isEqualTo(Goldens.text("points-state-v2.json"));
    assertThat(PointsState.fromBytes(Goldens.bytes("points-state-v1.bin"))).isEqualTo(pointsState());
    assertThat(PointsState.fromBytes(Goldens.bytes("points-state-v2.bin"))).isEqualTo(pointsState());
    assertThat(pointsState().toBytes()).isEqualTo(Goldens.bytes("points-state-v2.bin"));
    assertThat(CheckInState.fromJson(Goldens.text("checkin-state-v1.json"))).isEqualTo(checkInState());
    assertThat(checkInState().toJson()).isEqualTo(Goldens.text("checkin-state-v1.json"));
    assertThat(LevelState.fromJson(Goldens.text("level-state-v1.json"))).isEqualTo(levelState());
    assertThat(levelState().toJson()).isEqualTo(Goldens.text("level-state-v1.json"));
  }

  @Test
  void version1ProgramsReadAsTheirVersion2Equivalents() throws IOException {
    PointsProgram program = PointsProgram.fromJson(Goldens.text("points-program-v2.json"));
    assertThat(PointsProgram.fromJson(Goldens.text("points-program-v1.json"))).isEqualTo(program);
    assertThat(PointsProgram.fromJson(program.toJson())).isEqualTo(program);
    assertThat(program.expiry()).isEqualTo(PointsProgram.Expiry.endOfYear(1));
    assertThat(program.behaviourRules().get(1).cap()).isEqualTo(Cap.calendar(10, Granularity.DAY));

    LevelProgram levels = LevelProgram.fromJson(Goldens.text("level-program-v2.json"));
    assertThat(LevelProgram.fromJson(Goldens.text("ladder-v1.json"))).isEqualTo(levels);
    assertThat(LevelProgram.fromJson(levels.toJson())).isEqualTo(levels);
    assertThat(levels.rules().get(1).cap()).isEqualTo(Cap.calendar(50, Granularity.MONTH));
  }
}
