package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary of the CDNOW 1/10 sample equals the published one on every row. Data in {@code
 * src/test/resources/retention/cdnow/}: {@code CDNOW_sample.txt} is the 1/10 sample of the cohort
 * of CDNOW's first-quarter-1997 customers used by Fader, Hardie &amp; Lee, "Counting Your Customers
 * the Easy Way: An Alternative to the Pareto/NBD Model" (Marketing Science 24(2), 2005): 6,919
 * orders of 2,357 customers, 1997-01-01 to 1998-06-30, columns master id, sample id (1..2357), date
 * yyyyMMdd, CDs, dollars. {@code cdnow_customers_summary_with_transactions.csv} is its calibration
 * summary as the {@code lifetimes} package ships it ({@code lifetimes/datasets/}, MIT, licence in
 * {@code LICENSE-lifetimes.txt} beside it): calibration to 1997-09-30, times in weeks to 2
 * decimals, zbar in dollars to 2 decimals.
 */
class ClvSummaryCdnowTest {
  private static final String DIR = "/retention/cdnow/";
  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  /** One order of the sample file. */
  private record Order(int customer, LocalDate date, long cents) {}

  /** One row of the published summary. */
  private record Row(int id, int x, String tx, String T, String zbar) {}

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = ClvSummaryCdnowTest.class.getResourceAsStream(DIR + name);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      return reader.lines().toList();
    }
  }

  static ClvSummary sample(ClvSummarySpec spec) throws IOException {
    List<Order> orders = new ArrayList<>();
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    for (String line : lines("CDNOW_sample.txt")) {
      String[] f = line.trim().split("\\s+");
      orders.add(
          new Order(
              Integer.parseInt(f[1]),
              LocalDate.parse(f[2], yyyymmdd),
              new BigDecimal(f[4]).movePointRight(2).longValueExact()));
    }
    assertThat(orders).hasSize(6_919);
    ClvSummaryAccumulator acc = spec.newAccumulator();
    for (Order o : orders) {
      acc.add(o.customer(), o.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), o.cents());
    }
    return acc.result();
  }

  private static List<Row> published() throws IOException {
    List<String> lines = lines("cdnow_customers_summary_with_transactions.csv");
    assertThat(lines.get(0)).isEqualTo("ID,x,t_x,T,zbar");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]));
    }
    return rows;
  }

  /** {@code value} rounded half up to 2 decimals, as the published file writes it. */
  private static String twoDecimals(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void calibrationSummaryEqualsThePublishedOneOnEveryRow() throws IOException {
    ClvSummary summary = sample(ClvSummarySpec.of(ZoneOffset.UTC, CALIBRATION_END));
    List<Row> published = published();

    assertThat(summary.customers()).isEqualTo(2_357).isEqualTo(published.size());
    for (int i = 0; i < published.size(); i++) {
      Row row = published.get(i);
      assertThat(summary.userId(i)).as("row %s", i).isEqualTo(row.id());
      assertThat(summary.x(i)).as("x of %s", row.id()).isEqualTo(row.x());
      assertThat(twoDecimals(summary.tx(i))).as("t_x of %s", row.id()).isEqualTo(row.tx());
      assertThat(twoDecimals(summary.T(i))).as("T of %s", row.id()).isEqualTo(row.T());
      // zbar rounded to whole cents, half up: customer 1's 2,234.5 cents are published as 22.35.
      assertThat(BigDecimal.valueOf(Math.round(summary.zbarMinor(i)), 2).toPlainString())
          .as("zbar of %s", row.id())
          .isEqualTo(row.zbar());
    }
    // Fader, Hardie & Lee (2005): 2,457 repeat transactions in the 39-week calibration period;
    // 1,411 of the 2,357 customers made none.
    assertThat(summary.totalRepeatPurchases()).isEqualTo(2_457);
    long none = 0;
    for (int i = 0; i < summary.customers(); i++) {
      none += summary.x(i) == 0 ? 1 : 0;
    }
    assertThat(none).isEqualTo(1_411);
    assertThat(summary.buyersAfterCalibration()).isZero();
    assertThat(summary.orders()).isEqualTo(6_919);
    // Without a holdout, the orders of 1997-10-01 to 1998-06-30 are after the end.
    assertThat(summary.ordersAfterEnd()).isEqualTo(1_959);
    assertThat(summary.T(summary.indexOf(1))).isEqualTo(272 / 7.0);
  }

  @Test
  void theHoldoutCountsPurchaseDaysToJune1998() throws IOException {
    ClvSummary summary =
        sample(ClvSummarySpec.of(ZoneOffset.UTC, CALIBRATION_END).withHoldoutEnd(LocalDate.of(1998, 6, 30)));

    assertThat(summary.holdoutLength()).isEqualTo(39.0);
    assertThat(summary.totalRepeatPurchases()).isEqualTo(2_457);
    // Distinct (customer, day) pairs from 1997-10-01 to 1998-06-30, counted from the file by a
    // separate script; every order after the calibration falls in the holdout.
    assertThat(summary.totalHoldoutPurchases()).isEqualTo(1_882);
    assertThat(summary.ordersAfterEnd()).isZero();
    // Customer 1 (master id 00004) bought again on 1997-12-12.
    assertThat(summary.holdoutPurchases(summary.indexOf(1))).isEqualTo(1);
    // The weekly tracking data: the cohort's first purchases start on 1997-01-01, and 1997-01-01 to
    // 1998-06-30 is exactly 78 weeks (Fader, Hardie and Lee 2005, Figure 3 spans weeks 1..78), so
    // every repeat purchase day falls in a complete week.
    assertThat(summary.origin()).isEqualTo(LocalDate.of(1997, 1, 1));
    long[] weekly = summary.repeatPurchasesPerPeriod();
    assertThat(weekly).hasSize(78);
    assertThat(Arrays.stream(weekly).sum()).isEqualTo(2_457 + 1_882);
    // Calibration weeks 1..38 hold calibration purchases only (week 39 straddles 1997-09-30).
    assertThat(Arrays.stream(weekly, 0, 38).sum()).isLessThanOrEqualTo(2_457);
    assertThat(Arrays.stream(weekly, 39, 78).sum()).isLessThanOrEqualTo(1_882);
    for (int i = 0; i < summary.customers(); i++) {
      assertThat(summary.firstPurchase(i)).isCloseTo(
          summary.T(0) + summary.firstPurchase(0) - summary.T(i), within(1e-9));
    }
  }
}
