package dev.userops.benchmarks.clv;

import dev.userops.core.event.OrderStatus;
import dev.userops.sample.SyntheticShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/** The benchmark's inputs, as calibration summaries in weeks. */
final class ClvData {
  private static final long DAY_MILLIS = 86_400_000L;

  private ClvData() {}

  /**
   * The CDNOW master file (23,570 customers who first bought in the first quarter of 1997):
   * calibration to 1997-09-30, holdout to 1998-06-30, day 0 = 1997-01-01, as Fader, Hardie and Lee
   * split it. Lines are {@code id yyyymmdd cds dollars}; amounts become cents.
   */
  static Summaries cdnowMaster(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("the CDNOW master file (-p cdnowMaster=...)", e);
    }
    long origin = LocalDate.of(1997, 1, 1).toEpochDay();
    int n = lines.size() - 1;
    long[] keys = new long[n];
    int[] customer = new int[n];
    int[] day = new int[n];
    long[] cents = new long[n];
    int customers = 0;
    for (int i = 0; i < n; i++) {
      String[] fields = lines.get(i + 1).trim().split("\\s+");
      customer[i] = Integer.parseInt(fields[0]);
      String date = fields[1];
      LocalDate local =
          LocalDate.of(
              Integer.parseInt(date.substring(0, 4)),
              Integer.parseInt(date.substring(4, 6)),
              Integer.parseInt(date.substring(6, 8)));
      day[i] = (int) (local.toEpochDay() - origin);
      cents[i] = Math.round(Double.parseDouble(fields[3]) * 100);
      keys[i] = ((long) customer[i] << 16 | day[i]) << 24 | i;
      customers = Math.max(customers, customer[i] + 1);
    }
    // By customer, then day: the summary must not depend on the file's order.
    Arrays.sort(keys);
    Summaries summaries =
        new Summaries(
            customers,
            (int) (LocalDate.of(1997, 9, 30).toEpochDay() - origin),
            (int) (LocalDate.of(1998, 6, 30).toEpochDay() - origin));
    for (long key : keys) {
      int i = (int) (key & 0xFF_FFFF);
      summaries.add(customer[i], day[i], cents[i]);
    }
    return summaries.finish();
  }

  /**
   * The paid orders of a {@link SyntheticShop} with {@code users} users (about 60% buy), seed 13:
   * local days in its zone (Asia/Shanghai, UTC+8 throughout) from its first day, calibration to
   * day 547 (1.5 years), holdout to day 729.
   */
  static Summaries shop(long users) {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(users, 13));
    long offset = 8 * 3_600_000L;
    long start = Math.floorDiv(shop.startMillis() + offset, DAY_MILLIS);
    Summaries summaries = new Summaries((int) users, 547, 729);
    shop.forEachOrder(
        (user, sequence, millis, amountMinor, status) -> {
          if (status == OrderStatus.PAID) {
            int day = (int) (Math.floorDiv(millis + offset, DAY_MILLIS) - start);
            summaries.add((int) user, day, amountMinor);
          }
        });
    return summaries.finish();
  }

  /**
   * Customers drawn from BG/NBD and Gamma-Gamma at the CDNOW sample's fitted parameters (r 0.243,
   * α 4.414 weeks, a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44 dollars): first purchases uniform over
   * days 0 - 83, calibration to day 272 and holdout to day 545 as CDNOW's, purchase times in whole
   * days, amounts in cents.
   */
  static Summaries bgNbd(int customers) {
    RandomDataGenerator random = new RandomDataGenerator(17);
    Summaries summaries = new Summaries(customers, 272, 545);
    for (int c = 0; c < customers; c++) {
      double time = random.nextInt(0, 83);
      double ratePerDay = random.nextGamma(0.243, 1 / 4.414) / 7;
      double dropOut = random.nextBeta(0.793, 2.426);
      double spendRate = random.nextGamma(3.74, 1 / 1544.0);
      summaries.add(c, (int) time, Math.round(random.nextGamma(6.25, 1 / spendRate)));
      while (true) {
        time += random.nextExponential(1 / ratePerDay);
        if (time > 546) {
          break;
        }
        summaries.add(c, (int) time, Math.max(1, Math.round(random.nextGamma(6.25, 1 / spendRate))));
        if (random.nextDouble() < dropOut) {
          break;
        }
      }
    }
    return summaries.finish();
  }
}
