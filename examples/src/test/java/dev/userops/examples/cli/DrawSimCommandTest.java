package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrawSimCommandTest {
  @TempDir Path dir;

  private static JsonNode prize(JsonNode result, String id) {
    return Run.element(result.get("prizes"), "id", id);
  }

  @Test
  void bundledCdnowDrawsAddUpAndTheCdPlayersRunOut() throws IOException {
    JsonNode result = json(run("draw-sim", "--as-of", "1998-07-01", "--json"));

    long awarded = 0;
    double expected = 0;
    long cost = 0;
    for (JsonNode prize : result.get("prizes")) {
      awarded += prize.get("awarded").asLong();
      expected += prize.get("expected").asDouble();
      cost += prize.get("costMinor").asLong();
    }
    long draws = result.get("draws").asLong();
    assertThat(awarded).isEqualTo(draws);
    assertThat(expected).isCloseTo(draws, org.assertj.core.data.Offset.offset(1e-6 * draws));
    assertThat(cost).isEqualTo(result.get("costMinor").asLong());
    // 10 CD players against about 0.0005 of some 40,000 draws: all 10 go.
    JsonNode player = prize(result, "cd-player");
    assertThat(player.get("awarded").asLong()).isEqualTo(10);
    assertThat(player.get("left").asLong()).isZero();
    assertThat(prize(result, "voucher-5").get("left").isNull()).isTrue();
    // Orders under $15 and a second order on a user's day are rejected.
    assertThat(result.at("/rejected/below the minimum spend").asLong()).isPositive();
    assertThat(result.at("/rejected/cap reached").asLong()).isPositive();
    // Every expected count of an unlimited prize is within 4 standard deviations of what was drawn.
    JsonNode five = prize(result, "voucher-5");
    double sd = Math.sqrt(five.get("expected").asDouble());
    assertThat((double) five.get("awarded").asLong()).isCloseTo(five.get("expected").asDouble(),
        org.assertj.core.data.Offset.offset(4 * sd));
  }

  @Test
  void theSameKeyAndOrdersGiveTheSamePrizesAndABadKeyIsAUsageError() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "alice,o1,2026-03-01T10:00,12.34,paid\n"    // below $15: rejected
        + "alice,o2,2026-03-01T11:00,150.00,paid\n"   // at least the $5 voucher
        + "alice,o3,2026-03-01T12:00,20.00,paid\n"    // the day's one draw is taken
        + "bob,o4,2026-03-02,30.00,refunded\n"        // drawn at payment: counts
        + "bob,o5,2026-03-02,30.00,cancelled\n");     // never paid
    String[] args = {"draw-sim", "--orders", orders.toString(), "--as-of", "2026-04-01", "--json"};
    JsonNode once = json(run(args));
    assertThat(json(run(args))).isEqualTo(once);

    assertThat(once.get("draws").asLong()).isEqualTo(2);
    assertThat(once.at("/rejected/below the minimum spend").asLong()).isEqualTo(1);
    assertThat(once.at("/rejected/cap reached").asLong()).isEqualTo(1);
    long atLeastFive = prize(once, "cd-player").get("awarded").asLong() + prize(once, "voucher-20").get("awarded").asLong()
        + prize(once, "voucher-5").get("awarded").asLong();
    assertThat(atLeastFive).isGreaterThanOrEqualTo(1);

    Run badKey = run("draw-sim", "--orders", orders.toString(), "--as-of", "2026-04-01", "--key", "secret");
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).startsWith("userops: --key: key: expected 32 hexadecimal digits, got 6 characters");
  }

  @Test
  void messyOrdersAreScreenedAsEveryCommandScreensThem() throws IOException {
    Path orders = dir.resolve("orders.csv");
    try (InputStream in = DrawSimCommandTest.class.getResourceAsStream("/messy/orders.csv")) {
      Files.copy(in, orders);
    }
    JsonNode draw = json(run("draw-sim", "--orders", orders.toString(), "--as-of", "2025-01-01", "--json"));
    JsonNode summary = json(run("summary", "--orders", orders.toString(), "--as-of", "2025-01-01", "--json"));

    assertThat(draw.at("/diagnostics/skipped")).isEqualTo(summary.at("/diagnostics/skipped"));
    assertThat(draw.get("records").asLong()).isEqualTo(29);
    long events = draw.get("draws").asLong() + draw.get("duplicates").asLong();
    for (JsonNode count : draw.get("rejected")) {
      events += count.asLong();
    }
    // Paid and refunded orders that pass the screen: one event each.
    assertThat(events).isGreaterThanOrEqualTo(summary.get("orders").asLong());
  }

  @Test
  void aBadProgramNamesTheFileAndThePath() throws IOException {
    Path program = Run.editedExample(dir, "draw/program.json", "\"probability\": 0.2,", "\"probability\": 0.99,");
    assertThat(Run.error(run("draw-sim", "--program", program.toString(), "--as-of", "1998-07-01")))
        .startsWith("userops: " + program + ": prizes: the probabilities add up to 1.0105, more than 1");
  }

  @Test
  void tableShowsPrizesInventoryAndCost() {
    Run run = run("draw-sim", "--as-of", "1998-07-01");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Lucky draw simulation", "cd-player", "coupon-1", "(nothing)", "inventory", "cost");
    assertThat(run("draw-sim", "--help").out()).contains("for simulations only");
  }
}
