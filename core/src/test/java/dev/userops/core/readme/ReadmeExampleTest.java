package dev.userops.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Runs the README's example and checks that the README shows exactly this code. */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/userops/core/readme/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void readmeExampleRuns() {
    // README example start
    Instant asOf = Instant.parse("2026-07-01T00:00:00Z");
    var spec = new OrderSummarySpec(ZoneId.of("Asia/Shanghai"), asOf, BadRecordPolicy.SKIP_AND_COUNT);
    // ValidOrders is the one screen: paid orders, once per order id, net of refunds, none after asOf.
    var monday = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, asOf);
    monday.addOrder(Order.of("o-1", 42, Instant.parse("2026-06-01T10:00:00Z"), 12_50, OrderStatus.PAID));
    monday.addOrder(Order.of("o-1", 42, Instant.parse("2026-06-01T10:00:00Z"), 12_50, OrderStatus.PAID));
    var tuesday = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, asOf);
    tuesday.addOrder(Order.of("o-2", 42, Instant.parse("2026-06-02T17:00:00Z"), 8_00, OrderStatus.PAID));
    tuesday.addOrder(Order.of("o-3", 7, Instant.parse("2026-06-02T18:00:00Z"), -1, OrderStatus.PAID));
    byte[] shipped = spec.newAccumulator().addAll(tuesday).toByteArray(); // e.g. from another partition
    var partition = Accumulator.fromBytes(shipped, OrderSummaryAccumulator.class); // spec read from the bytes
    OrderSummary summary = spec.newAccumulator().addAll(monday).merge(partition).result();
    // summary: users=1, orders=2, revenueMinor=2050, lastOrder=2026-06-03 (Shanghai), ordersPerUser={2=1}
    // monday.diagnostics(): {DUPLICATE_ORDER_ID=1}; tuesday.diagnostics(): {NEGATIVE_AMOUNT=1}
    // README example end
    assertThat(summary.users()).isEqualTo(1);
    assertThat(summary.orders()).isEqualTo(2);
    assertThat(summary.revenueMinor()).isEqualTo(2050);
    assertThat(summary.lastOrder()).isEqualTo(LocalDate.of(2026, 6, 3));
    assertThat(summary.ordersPerUser()).containsExactly(java.util.Map.entry(2, 1L));
    assertThat(monday.diagnostics().skipped()).containsExactly(java.util.Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 1L));
    assertThat(tuesday.diagnostics().skipped()).containsExactly(java.util.Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 1L));
  }

  @Test
  void readmeShowsThisCode() throws IOException {
    String source = Files.readString(SOURCE);
    String example =
        source.substring(
            source.indexOf("// README example start\n") + "// README example start\n".length(),
            source.indexOf("    // README example end"));
    String unindented = example.lines().map(line -> line.replaceFirst("^ {4}", "")).reduce("", (a, b) -> a + b + "\n");
    assertThat(Files.readString(README)).contains(unindented);
  }
}
