package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 20% off everything, and 30 off from 200 that a return can break. */
  private static final String OFFERS = """
      {"version": 1, "zone": "Asia/Shanghai", "refundMode": "RECOMPUTE_IF_BELOW_THRESHOLD", "offers": [
        {"id": "twenty", "kind": "PERCENT", "percent": 20, "stacking": {"group": "a"}},
        {"id": "from-200", "kind": "THRESHOLD", "thresholdMinor": 200, "discountMinor": 30,
         "stacking": {"group": "b"}}]}""";
  private static final String CART = """
      {"orderId": "o-1", "userId": "u-1", "at": "2026-06-18T23:59:59+08:00",
       "lines": [{"lineId": "a", "sku": "s-150", "unitPriceMinor": 150, "quantity": 1},
                 {"lineId": "b", "sku": "s-60", "unitPriceMinor": 60, "quantity": 1}]}""";

  @TempDir Path dir;

  @Test
  void theBundledExampleRunsAndItsJsonHasTheDocumentedShape() throws IOException {
    Run run = run("offers", "price", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode priced = JSON.readTree(run.out());
    assertThat(priced.get("totalMinor").asLong())
        .isEqualTo(priced.get("subtotalMinor").asLong() - priced.get("discountMinor").asLong());
    long allocated = 0;
    for (JsonNode line : priced.get("lines")) {
      long shares = 0;
      for (JsonNode share : line.get("allocations")) {
        shares += share.get("discountMinor").asLong();
      }
      assertThat(shares).isEqualTo(line.get("discountMinor").asLong());
      allocated += shares;
    }
    assertThat(allocated).isEqualTo(priced.get("discountMinor").asLong());
    assertThat(priced.get("applied")).isNotEmpty();
    assertThat(priced.get("applied").get(0).get("redemptionKey").asText()).startsWith("offer:o-1001/");
    assertThat(priced.get("rejected")).isNotEmpty();

    Run table = run("offers", "price");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("applied offer", "allocations", "offer not applied", "o-1001");
  }

  @Test
  void pricesThenRefundsAReturnedLineAtItsAllocatedNet() throws IOException {
    Path offers = Files.writeString(dir.resolve("offers.json"), OFFERS);
    Path cart = Files.writeString(dir.resolve("cart.json"), CART);
    Run price = run("offers", "price", "--offers", offers.toString(), "--cart", cart.toString(), "--json");
    assertThat(price.exitCode()).as(price.err()).isZero();
    JsonNode priced = JSON.readTree(price.out());
    // 20% of 210 (42) beats 30 off: the groups do not stack. 42 splits 30 / 12 by amount.
    assertThat(priced.get("discountMinor").asLong()).isEqualTo(42);
    assertThat(priced.at("/lines/0/netMinor").asLong()).isEqualTo(120);
    assertThat(priced.at("/rejected/0/offerId").asText()).isEqualTo("from-200");
    assertThat(priced.at("/rejected/0/reason").asText()).isEqualTo("NOT_STACKABLE");

    Path pricedFile = Files.writeString(dir.resolve("priced.json"), price.out());
    // RETURNS.json as the issue gives it, without a returnId.
    Path returns = Files.writeString(dir.resolve("returns.json"), "{\"lines\": [{\"lineId\": \"a\", \"quantity\": 1}]}");
    Run refund = run("offers", "refund", "--offers", offers.toString(), "--priced", pricedFile.toString(),
        "--returns", returns.toString(), "--json");
    assertThat(refund.exitCode()).as(refund.err()).isZero();
    JsonNode refunded = JSON.readTree(refund.out());
    // DESIGN example of issue 15: lines 150 and 60 at 20% off, returning the 150 line refunds 120.
    assertThat(refunded.get("refundMinor").asLong()).isEqualTo(120);
    assertThat(refunded.at("/lines/0/lineId").asText()).isEqualTo("a");
    assertThat(refunded.get("releases")).isEmpty();

    // The rest comes back with the state of the first return: everything is released, once.
    Path state = Files.writeString(dir.resolve("state.json"), refunded.get("state").toString());
    Path cancel = Files.writeString(dir.resolve("cancel.json"), "{\"returnId\": \"c-1\", \"cancel\": true}");
    Run rest = run("offers", "refund", "--offers", offers.toString(), "--priced", pricedFile.toString(),
        "--returns", cancel.toString(), "--state", state.toString());
    assertThat(rest.exitCode()).as(rest.err()).isZero();
    assertThat(rest.out()).contains("Refund 0.48", "twenty", "offer-release:o-1/twenty");
  }

  @Test
  void badDocumentsNameTheFileAndTheJsonPath() throws IOException {
    Path offers = Files.writeString(dir.resolve("offers.json"),
        "{\"version\": 1, \"offers\": [{\"id\": \"x\", \"kind\": \"FIXED\", \"discountMinor\": 5, \"colour\": 1}]}");
    Run unknown = run("offers", "price", "--offers", offers.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("userops: " + offers).contains("offers[0].colour");

    Path cart = Files.writeString(dir.resolve("cart.json"), CART.replace("\"quantity\": 1}]", "\"quantity\": -1}]"));
    Run negative = run("offers", "price", "--cart", cart.toString());
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).startsWith("userops: " + cart).contains("quantity");

    Path bytes = dir.resolve("latin1.json");
    Files.write(bytes, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    Run encoding = run("offers", "price", "--cart", bytes.toString());
    assertThat(encoding.exitCode()).isEqualTo(2);
    assertThat(encoding.err()).startsWith("userops: " + bytes);

    Path priced = Files.writeString(dir.resolve("priced.json"), run("offers", "price", "--json").out());
    Path returns = Files.writeString(dir.resolve("returns.json"), "{\"lines\": [{\"lineId\": \"nope\", \"quantity\": 1}]}");
    Run unknownLine = run("offers", "refund", "--priced", priced.toString(), "--returns", returns.toString());
    assertThat(unknownLine.exitCode()).isEqualTo(2);
    assertThat(unknownLine.err()).startsWith("userops: " + returns).contains("no line nope");

    Run noSubcommand = run("offers");
    assertThat(noSubcommand.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("price or refund");
  }
}
