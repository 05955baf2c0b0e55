package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
  @TempDir static Path dir;
  private static Path sample;
  /** Master ids by the sample's own ids (its second column), which the published tables use. */
  private static final Map<String, String> MASTER_IDS = new HashMap<>();

  /**
   * The CDNOW 1/10 sample (2,357 customers, from the retention test-jar, as lifetimes distributes
   * it: {@code master_id sample_id date cds dollars}) written in the master file's format.
   */
  @BeforeAll
  static void writeSampleInMasterFormat() throws IOException {
    StringBuilder cdnow = new StringBuilder(" customer_id  date number_of_cds  dollar_value\n");
    try (InputStream in = ClvCommandTest.class.getResourceAsStream("/retention/cdnow/CDNOW_sample.txt");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] f = line.strip().split("\\s+");
        MASTER_IDS.put(String.valueOf(Integer.parseInt(f[1])), f[0]);
        cdnow.append(' ').append(f[0]).append(' ').append(f[2]).append(' ').append(f[3]).append(' ')
            .append(f[4]).append('\n');
      }
    }
    sample = Files.writeString(dir.resolve("cdnow_sample.txt"), cdnow);
  }

  private static JsonNode clv(String... more) throws IOException {
    String[] args = {"clv", "--cdnow", sample.toString(), "--calibration-end", "1997-09-30", "--json"};
    return json(run(Run.args(args, more)));
  }

  private static JsonNode user(JsonNode document, String sampleId) {
    return Run.element(document.get("users"), "userId", MASTER_IDS.get(sampleId));
  }

  @Test
  void fitsThePublishedModelsOnTheSample() throws IOException {
    JsonNode document = clv("--holdout-end", "1998-06-30");

    assertThat(document.get("customers").asInt()).isEqualTo(2357);
    assertThat(document.get("timeUnit").asText()).isEqualTo("WEEK");
    // BG/NBD: Fader, Hardie and Lee (2005), Table/§5: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4.
    JsonNode model = document.get("model");
    assertThat(model.get("name").asText()).isEqualTo("BG_NBD");
    assertThat(model.get("r").asDouble()).isCloseTo(0.243, within(5e-4));
    assertThat(model.get("alpha").asDouble()).isCloseTo(4.414, within(5e-3));
    assertThat(model.get("a").asDouble()).isCloseTo(0.793, within(5e-3));
    assertThat(model.get("b").asDouble()).isCloseTo(2.426, within(1e-2));
    assertThat(model.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.1));
    // Standard errors as the lifetimes Quickstart prints them: r 0.012557, alpha 0.378221.
    assertThat(model.get("standardErrors").get("r").asDouble()).isCloseTo(0.012557, within(1e-4));
    assertThat(model.get("standardErrors").get("alpha").asDouble()).isCloseTo(0.378221, within(4e-3));
    // Gamma-Gamma on the 946 repeat buyers, Fader and Hardie (2013): p 6.25, q 3.74, gamma 15.44
    // dollars; the command works in cents, so gamma is 100 times larger and p, q are unchanged.
    JsonNode spend = document.get("spend");
    assertThat(spend.get("customers").asInt()).isEqualTo(946);
    assertThat(spend.get("p").asDouble()).isCloseTo(6.25, within(5e-3));
    assertThat(spend.get("q").asDouble()).isCloseTo(3.74, within(5e-3));
    assertThat(spend.get("gamma").asDouble()).isCloseTo(1544, within(1.0));
    // Expected average spend of sample ids 1, 2, 3, 6, 9 (the lifetimes Quickstart), in cents. The
    // published figures come from zbar rounded to the cent (the summary CSV); exact zbar moves them
    // by up to 2e-4.
    Map<String, Double> expected = Map.of("1", 24.658619, "2", 18.911489, "3", 35.170981, "6", 71.462843,
        "9", 27.282408);
    expected.forEach((id, dollars) -> assertThat(user(document, id).get("expectedAverageSpendMinor").asDouble())
        .as("customer %s", id).isCloseTo(100 * dollars, withinPercentage(0.05)));
    JsonNode first = user(document, "1");
    assertThat(first.get("x").asInt()).isEqualTo(2);
    assertThat(first.get("tx").asDouble()).isCloseTo(30.43, within(0.005));
    assertThat(first.get("T").asDouble()).isCloseTo(38.86, within(0.005));
    // The holdout covers 39 weeks; E[Y(39)] is what each user is compared with.
    JsonNode holdout = document.get("holdout");
    assertThat(holdout.get("weeks").asDouble()).isEqualTo(39.0);
    long actual = 0;
    double predicted = 0;
    for (JsonNode user : document.get("users")) {
      actual += user.get("holdoutPurchases").asLong();
      predicted += user.get("expectedPurchases").asDouble();
    }
    assertThat(holdout.get("actualPurchases").asLong()).isEqualTo(actual);
    assertThat(holdout.get("predictedPurchases").asDouble()).isCloseTo(predicted, within(1e-6 * predicted));
    // The weekly tracking data of Fader, Hardie and Lee (2005), Figure 3: weeks 1..78 from 1997-01-01.
    JsonNode weekly = document.get("weekly");
    assertThat(weekly.get("origin").asText()).isEqualTo("1997-01-01");
    JsonNode weeks = weekly.get("periods");
    assertThat(weeks).hasSize(78);
    JsonNode last = weeks.get(77);
    assertThat(last.get("cumulativeActual").asLong()).isEqualTo(2_457 + actual);
    assertThat(last.get("cumulativePredicted").asDouble()).isBetween(0.8 * last.get("cumulativeActual").asLong(),
        1.2 * last.get("cumulativeActual").asLong());
  }

  @Test
  void paretoNbdMatchesThePublishedFit() throws IOException {
    // Pareto/NBD on the same calibration summary (Fader, Hardie and Lee 2005b; the table):
    // r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0.
    JsonNode model = clv("--model", "pareto-nbd").get("model");
    assertThat(model.get("name").asText()).isEqualTo("PARETO_NBD");
    assertThat(model.get("r").asDouble()).isCloseTo(0.553, within(2e-3));
    assertThat(model.get("s").asDouble()).isCloseTo(0.606, within(5e-3));
    assertThat(model.get("logLikelihood").asDouble()).isCloseTo(-9595.0, within(0.1));
  }

  @Test
  void clvIsExpectedSpendTimesDiscountedPurchasesOverMonthsNotWeeksReadAsDays() throws IOException {
    JsonNode undiscounted = clv("--horizon", "12", "--discount-rate", "0");
    JsonNode longer = clv("--horizon", "24", "--discount-rate", "0");
    // Without a holdout, expectedPurchases covers the horizon: 12 months of 30.44 days in weeks.
    assertThat(undiscounted.get("clv").get("expectedPurchasesWeeks").asDouble())
        .isCloseTo(12 * 365.2425 / 12 / 7, within(1e-9));
    JsonNode user = user(undiscounted, "1");
    assertThat(user.get("clvMinor").asDouble()).isCloseTo(
        user.get("expectedPurchases").asDouble() * user.get("expectedAverageSpendMinor").asDouble(),
        within(1e-6 * user.get("clvMinor").asDouble()));
    assertThat(user(longer, "1").get("clvMinor").asDouble()).isGreaterThan(user.get("clvMinor").asDouble());
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    Run early = run("clv", "--cdnow", sample.toString(), "--calibration-end", "1990-01-01");
    assertThat(early.exitCode()).isEqualTo(2);
    assertThat(early.err()).contains("--calibration-end: no customer has a valid order on or before 1990-01-01");
    Run holdout = run("clv", "--cdnow", sample.toString(), "--calibration-end", "1997-09-30", "--holdout-end",
        "1997-09-01");
    assertThat(holdout.exitCode()).isEqualTo(2);
    assertThat(holdout.err()).contains("holdoutEnd must be after calibrationEnd");
    Run horizon = run("clv", "--cdnow", sample.toString(), "--calibration-end", "1997-09-30", "--horizon", "0");
    assertThat(horizon.exitCode()).isEqualTo(2);
    assertThat(horizon.err()).contains("--horizon");
  }
}
