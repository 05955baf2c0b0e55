package dev.userops.incentives.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.incentives.ConfigErrors;
import dev.userops.incentives.Goldens;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DrawProgramTest {
  static final String EXAMPLE = """
      {"version": 1, "drawId": "spring-2026",
       "prizes": [
         {"id": "phone", "probability": 0.001, "inventory": 2, "valueMinor": 399900},
         {"id": "voucher-50", "probability": 0.05, "inventory": 100, "valueMinor": 5000},
         {"id": "voucher-10", "probability": 0.30, "valueMinor": 1000}],
       "consolation": {"id": "coupon-2", "valueMinor": 200},
       "eligibility": {"minSpendMinor": 5000, "excludedTags": ["employee"], "cap": {"max": 3, "window": "P1D"}},
       "guarantee": {"minSpendMinor": 30000, "atLeast": "voucher-10"},
       "memoryDays": 31}
      """;

  @Test
  void decimalProbabilitiesBecomeExactIntegerWeights() {
    DrawProgram program = DrawProgram.fromJson(EXAMPLE);
    // Three decimal places at most: weights per 1000, the miss is the rest.
    assertThat(program.scaledWeights()).containsExactly(1, 50, 300, 649);
    assertThat(program.prizes().get(2).probability()).isEqualByComparingTo("0.3");
    assertThat(program.outOfStock()).isEqualTo(DrawProgram.OutOfStock.CONSOLATION);

    DrawProgram fine = DrawProgram.of("d", 1, java.util.List.of(
        DrawProgram.Prize.withProbability("a", "0.000000000000000001", null, 2),
        DrawProgram.Prize.withProbability("b", "0.5", null, 1)));
    assertThat(fine.scaledWeights()).containsExactly(1L, 500_000_000_000_000_000L, 499_999_999_999_999_999L);
  }

  @Test
  void theJsonFormRoundTrips() {
    DrawProgram program = DrawProgram.fromJson(EXAMPLE);
    assertThat(DrawProgram.fromJson(program.toJson())).isEqualTo(program);
    DrawProgram weighted = DrawProgram.fromJson(EXAMPLE.replace("\"probability\": 0.001", "\"weight\": 1")
        .replace("\"probability\": 0.05", "\"weight\": 50").replace("\"probability\": 0.30", "\"weight\": 300"));
    assertThat(weighted.missWeight()).isZero();
    assertThat(DrawProgram.fromJson(weighted.withMissWeight(649).toJson()).scaledWeights()).containsExactly(1, 50, 300, 649);
  }

  @Test
  void theGoldenProgramStillReads() throws IOException {
    assertThat(Goldens.assertRoundTrips("draw-program-v1.json", DrawProgram::fromJson, DrawProgram::toJson))
        .isEqualTo(DrawProgram.fromJson(EXAMPLE));
  }

  @Test
  void errorsNameTheJsonPath() {
    assertError(EXAMPLE.replace("\"valueMinor\": 5000", "\"valueMinor\": 500000"), "prizes[1].valueMinor",
        "prizes are listed best first, so the value must not exceed that of prizes[0] (399900), got 500000");
    assertError(EXAMPLE.replace("0.30", "0.95"), "prizes", "the probabilities add up to 1.001, more than 1");
    assertError(EXAMPLE.replace("0.001", "0.0000000000000000001"), "prizes[0].probability",
        "expected at most 18 decimal places, got 0.0000000000000000001");
    assertError(EXAMPLE.replace("\"probability\": 0.05", "\"weight\": 5"), "prizes[1]",
        "every prize has a weight or every prize has a probability, not a mix");
    assertError(EXAMPLE.replace("\"probability\": 0.05", "\"probability\": 0.05, \"weight\": 5"), "prizes[1].weight",
        "expected exactly one of weight and probability for prize \"voucher-50\"");
    assertError(EXAMPLE.replace("\"atLeast\": \"voucher-10\"", "\"atLeast\": \"car\""), "guarantee.atLeast",
        "unknown prize \"car\" (known: phone, voucher-50, voucher-10)");
    assertError(EXAMPLE.replace("\"window\": \"P1D\"", "\"window\": \"PT1H\", \"mode\": \"ROLLING\""),
        "eligibility", "cap.mode of eligibility: only CALENDAR caps (window P1D, P1W or P1M) are supported, got ROLLING over PT1H");
    assertError(EXAMPLE.replace("\"inventory\": 2", "\"inventory\": 2, \"odds\": 1"), "prizes[0].odds",
        "unknown field \"odds\" (known: id, inventory, probability, valueMinor, weight)");
    assertError(EXAMPLE.replace("\"coupon-2\"", "\"phone\""), "consolation.id", "\"phone\" is also a prize's id");
    assertError(EXAMPLE.replace("\"memoryDays\": 31", "\"memoryDays\": 31, \"missWeight\": 3"), "missWeight",
        "only with weights; with probabilities the miss is 1 - their sum");
  }

  private static void assertError(String json, String path, String problem) {
    ConfigErrors.assertRejected(DrawProgram::fromJson, json, path, problem);
  }

  @Test
  void theKeyNeverShowsItself() {
    DrawKey key = DrawKey.fromHex("000102030405060708090a0b0c0d0e0f");
    assertThat(key.k0).isEqualTo(0x0706050403020100L);
    assertThat(key.k1).isEqualTo(0x0f0e0d0c0b0a0908L);
    assertThat(key).hasToString("DrawKey[secret]");
    assertThatThrownBy(() -> DrawKey.fromHex("000102030405060708090a0b0c0d0e0g"))
        .hasMessage("key: expected 32 hexadecimal digits, got 32 characters");
  }
}
