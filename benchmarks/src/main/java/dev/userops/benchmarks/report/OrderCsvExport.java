package dev.userops.benchmarks.report;

import dev.userops.core.event.OrderStatus;
import dev.userops.sample.SyntheticShop;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a {@link SyntheticShop} as an order CSV of the shape {@code userops report --orders}
 * reads, so the report can be timed on inputs of any size: {@code java -cp benchmarks.jar
 * dev.userops.benchmarks.report.OrderCsvExport ORDERS SEED FILE}. Rows go user by user, as a
 * per-user export would; order ids are {@code o<user>-<seq>}, times UTC instants.
 */
public final class OrderCsvExport {
  private OrderCsvExport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OrderCsvExport TARGET_ORDERS SEED FILE");
      System.exit(2);
    }
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.ofOrders(Long.parseLong(args[0]), Long.parseLong(args[1])));
    long[] rows = {0};
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8), 1 << 20)) {
      out.write("user_id,order_id,occurred_at,amount,status\n");
      shop.forEachOrder((userId, orderSeq, epochMillis, amountMinor, status) -> {
        try {
          out.write("u" + userId + ",o" + userId + "-" + orderSeq + "," + Instant.ofEpochMilli(epochMillis) + ","
              + BigDecimal.valueOf(amountMinor, 2).toPlainString() + "," + status(status) + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        rows[0]++;
      });
    }
    System.err.printf(Locale.ROOT, "%,d orders written to %s%n", rows[0], args[2]);
  }

  private static String status(OrderStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
