package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {
  private static Run rfm(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "rfm";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(all);
  }

  /** The R package rfm 0.3.0 reference (MIT; see LICENSE-rfm.txt there), kept by the segmentation tests. */
  private static final Path R_DATA = Path.of("../segmentation/src/test/resources/segmentation/rfm-r");

  @TempDir Path dir;

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    Path orders = Files.writeString(dir.resolve("orders.csv"), """
        user_id,order_id,occurred_at,amount,status
        ann,1,2026-02-27T10:00,10.00,paid
        ann,2,2026-02-28T23:59,5.50,paid
        bob,3,2026-01-01T08:00,100.00,paid
        bob,4,2026-02-01T08:00,1.00,cancelled
        cat,5,2026-03-01T00:01,7.00,paid
        """);
    JsonNode doc = json(rfm("--orders", orders.toString(), "--as-of", "2026-03-01", "--zone", "Asia/Shanghai",
        "--segments", "grid", "--json"));
    assertThat(doc.get("asOf").asText()).isEqualTo("2026-02-28T16:00:00Z");
    assertThat(doc.get("zone").asText()).isEqualTo("Asia/Shanghai");
    JsonNode ann = doc.get("users").get(0);
    assertThat(ann.get("userId").asText()).isEqualTo("ann");
    assertThat(ann.get("recencyDays").asLong()).isEqualTo(1);
    assertThat(ann.get("frequency").asLong()).isEqualTo(2);
    assertThat(ann.get("monetaryMinor").asLong()).isEqualTo(1550);
    assertThat(ann.fieldNames()).toIterable()
        .containsExactly("userId", "recencyDays", "frequency", "monetaryMinor", "r", "f", "m", "segment");
    assertThat(doc.get("users")).as("cat ordered a minute after the start of the as-of day").hasSize(2);
    assertThat(doc.get("diagnostics").get("skipped").get("AFTER_AS_OF").asLong()).isEqualTo(1);
    long users = 0;
    for (JsonNode segment : doc.get("segments")) {
      assertThat(segment.fieldNames()).toIterable().containsExactly("name", "users", "revenueMinor");
      users += segment.get("users").asLong();
    }
    assertThat(users).isEqualTo(2);
    assertThat(doc.get("segments")).hasSize(12);
  }

  @Test
  void rCompatibleScoringReproducesTheRPackageEndToEnd() throws IOException {
    // rfm_data_orders.csv as an order CSV: whole-unit revenue read with --fraction-digits 0.
    List<String> lines = Files.readAllLines(R_DATA.resolve("rfm_data_orders.csv"));
    StringBuilder csv = new StringBuilder("user_id,order_id,occurred_at,amount,status\n");
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      csv.append(f[0]).append(",o").append(i).append(',').append(f[1]).append(',').append(f[2]).append(",paid\n");
    }
    Path orders = Files.writeString(dir.resolve("r-orders.csv"), csv);
    JsonNode doc = json(rfm("--orders", orders.toString(), "--as-of", "2006-12-31", "--fraction-digits", "0",
        "--scoring", "r-compatible", "--json"));
    Map<String, JsonNode> byUser = new HashMap<>();
    doc.get("users").forEach(u -> byUser.put(u.get("userId").asText(), u));
    List<String> expected = Files.readAllLines(R_DATA.resolve("rfm_expected_table_order_2006-12-31.csv"));
    Map<String, String> segments = new HashMap<>();
    for (String line : Files.readAllLines(R_DATA.resolve("rfm_expected_segments_vignettedef.csv")).subList(1, 996)) {
      String[] f = line.split(",");
      segments.put(f[0].replace("\"", ""), f[1].replace("\"", ""));
    }
    assertThat(byUser).hasSize(995);
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.split(",");
      String name = f[0].replace("\"", "");
      JsonNode u = byUser.get(name);
      assertThat(List.of(u.get("recencyDays").asText(), u.get("frequency").asText(), u.get("monetaryMinor").asText(),
              u.get("r").asText(), u.get("f").asText(), u.get("m").asText(), u.get("segment").asText()))
          .as(name)
          .containsExactly(f[1], f[2], f[3], f[4], f[5], f[6], segments.get(name));
    }
  }

  @Test
  void humanViewShowsTheSegmentTableOfTheBundledData() {
    Run run = rfm("--as-of", "1998-07-01");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("RFM segments", "Champions", "Lost", "Others", "23,570");
  }

  @Test
  void missingAsOfAndUnknownChoicesAreUsageErrors() {
    Run noAsOf = rfm();
    assertThat(noAsOf.exitCode()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
    assertThat(noAsOf.err()).contains("--as-of is required");
    Run badScoring = rfm("--as-of", "1998-07-01", "--scoring", "decile");
    assertThat(badScoring.exitCode()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
    assertThat(badScoring.err()).contains("--scoring", "expected quantile or r-compatible, got \"decile\"");
    assertThat(rfm("--as-of", "1998-07-01", "--scoring", "R_Compatible", "--segments", "GRID").exitCode()).isZero();
    Run badDate = rfm("--as-of", "1998-13-01");
    assertThat(badDate.exitCode()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
    assertThat(badDate.err()).contains("--as-of");
  }
}
