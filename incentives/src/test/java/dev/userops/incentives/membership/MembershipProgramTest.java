package dev.userops.incentives.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.ConfigErrors;
import dev.userops.incentives.Goldens;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The catalog's JSON: round trip, the golden file, and errors that name the JSON path. */
class MembershipProgramTest {
  private static final String PROGRAM = MembershipPolicyTest.PROGRAM;

  @Test
  void theJsonFormReadsBackEqual() {
    MembershipProgram program = MembershipProgram.fromJson(PROGRAM);
    assertThat(MembershipProgram.fromJson(program.toJson())).isEqualTo(program);
    assertThat(program.plan("annual").months()).isEqualTo(12);
    assertThat(program.plan("plus").tier()).isEqualTo(1);
    assertThat(program.plan("annual").autoRenew()).isFalse();
    assertThat(program.plan("none")).isNull();
  }

  @Test
  void theGoldenProgramOfFormatOneStillReads() throws IOException {
    assertThat(Goldens.assertRoundTrips("membership-program-v1.json", MembershipProgram::fromJson,
        MembershipProgram::toJson)).isEqualTo(MembershipProgram.fromJson(PROGRAM));
  }

  @Test
  void theGoldenStateOfFormatOneStillReads() throws IOException {
    MembershipState state = Goldens.assertRoundTrips("membership-state-v1.json", MembershipState::fromJson,
        MembershipState::toJson);
    assertThat(state.periods()).hasSize(2);
  }

  @Test
  void aLongerPlanThatIsNotCheaperPerMonthBreaksTheCatalog() {
    assertError(PROGRAM.replace("\"priceMinor\": 30000", "\"priceMinor\": 33600"), "plans[2].priceMinor",
        "longerIsCheaper: 33600 for P1Y is not cheaper per month than plan \"quarterly\" at 8400 for P3M");
    // Without the promise the same catalog is fine, and other tiers are not compared.
    MembershipProgram.fromJson(PROGRAM.replace("\"priceMinor\": 30000", "\"priceMinor\": 33600")
        .replace("\"longerIsCheaper\": true", "\"longerIsCheaper\": false"));
  }

  @Test
  void errorsNameTheJsonPath() {
    assertError(PROGRAM.replace("\"P3M\"", "\"P10D\""), "plans[1].period",
        "expected an ISO-8601 period of 1 to 120 whole months (P1M, P3M, P1Y), got \"P10D\"");
    assertError(PROGRAM.replace("\"priceMinor\": 3100", "\"priceMinor\": -1"), "plans[0].priceMinor",
        "expected >= 0, got -1");
    assertError(PROGRAM.replace("\"trialPriceMinor\": 100", "\"trialPriceMinor\": 5000"), "plans[0].trialPriceMinor",
        "expected 0 to priceMinor (3100), got 5000");
    assertError(PROGRAM.replace("\"id\": \"annual\"", "\"id\": \"monthly\""), "plans[2].id",
        "plan id \"monthly\" is used twice");
    assertError(PROGRAM.replace("\"tier\": 1,", "\"tier\": 1, \"colour\": \"gold\","), "plans[3].colour",
        "unknown field \"colour\" (known: autoRenew, benefits, id, period, priceMinor, tier, trialPriceMinor)");
    assertError(PROGRAM.replace("\"graceDays\": 7", "\"graceDays\": 90"), "graceDays", "expected 0 to 60, got 90");
    assertError(PROGRAM.replace("\"PRO_RATA\"", "\"HALF\""), "refunds.thereafter",
        "expected one of [NONE, PRO_RATA], got \"HALF\"");
    assertError(PROGRAM.replace("\"version\": 1", "\"version\": 2"), "version", "expected 1, got 2");
  }

  private static void assertError(String json, String path, String problem) {
    ConfigErrors.assertRejected(MembershipProgram::fromJson, json, path, problem);
  }
}
