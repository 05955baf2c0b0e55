package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.UserIdDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reproduces the R package {@code rfm} 0.3.0 (MIT, Aravind Hebbali; LICENSE-rfm.txt beside the
 * data): {@code rfm_table_order(rfm_data_orders, customer_id, order_date, revenue, analysis_date =
 * as.Date("2006-12-31"))} and {@code rfm_segment} with the vignette's ten segments. The expected
 * files were produced by R and copied from shared/data/rfm-r/ into
 * src/test/resources/segmentation/rfm-r/.
 */
class RPackageRfmTest {
  private static final String DIR = "/segmentation/rfm-r/";
  private static final Result RESULT = compute(0);

  private record Result(UserIdDictionary users, RfmFeatures features, RfmScores scores, RfmSegments segments) {
    int row(String customer) {
      int user = users.find(customer);
      assertThat(user).as("customer %s in the orders", customer).isNotNegative();
      return user; // features hold every customer, in dense id order
    }
  }

  /**
   * The R package's orders with revenue in minor units of {@code fractionDigits} digits: R saw whole
   * currency units, so with 0 digits one minor unit is one unit.
   */
  private static Result compute(int fractionDigits) {
    UserIdDictionary users = new UserIdDictionary();
    long scale = (long) Math.pow(10, fractionDigits);
    RfmAccumulator acc =
        RfmSpec.of(ZoneOffset.UTC, LocalDate.of(2006, 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant()).newAccumulator();
    for (List<String> row : csv("rfm_data_orders.csv")) {
      long millis = LocalDate.parse(row.get(1)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      acc.add(users.indexOf(row.get(0)), millis, Long.parseLong(row.get(2)) * scale);
    }
    RfmFeatures features = acc.result();
    RfmScores scores = RfmScoring.rCompatible(5, fractionDigits).score(features);
    return new Result(users, features, scores, SegmentTable.vignette().segment(features, scores));
  }

  static Stream<Arguments> expectedTable() {
    return csv("rfm_expected_table_order_2006-12-31.csv").stream().map(row -> Arguments.of(row.toArray()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedTable")
  void tableMatchesR(
      String customer, String recencyDays, String transactions, String amount, String r, String f, String m, String score) {
    int i = RESULT.row(customer);
    assertThat(RESULT.features().recencyDays(i)).isEqualTo(Long.parseLong(recencyDays));
    assertThat(RESULT.features().frequency(i)).isEqualTo(Long.parseLong(transactions));
    assertThat(RESULT.features().monetaryMinor(i)).isEqualTo(Long.parseLong(amount));
    assertThat(RESULT.scores().r(i)).as("recency score").isEqualTo(Integer.parseInt(r));
    assertThat(RESULT.scores().f(i)).as("frequency score").isEqualTo(Integer.parseInt(f));
    assertThat(RESULT.scores().m(i)).as("monetary score").isEqualTo(Integer.parseInt(m));
    assertThat(RESULT.scores().rfmScore(i)).isEqualTo(Integer.parseInt(score));
  }

  /**
   * The same 995 customers with revenue in cents (or finer): scores and segments must be R's whatever
   * the minor-unit scale. Computing the cut points on the scaled amounts gave 3 other scores at 2
   * digits (e.g. Skylar Hoeger m 2 instead of 1).
   */
  @ParameterizedTest(name = "{0} fraction digits")
  @ValueSource(ints = {1, 2, 3, 6})
  void scoresDoNotDependOnTheMinorUnitScale(int fractionDigits) {
    Result minor = compute(fractionDigits);
    List<List<String>> expected = csv("rfm_expected_table_order_2006-12-31.csv");
    assertThat(expected).hasSize(995);
    for (List<String> row : expected) {
      int i = minor.row(row.get(0));
      assertThat(minor.scores().rfmScore(i)).as("%s at %s digits", row.get(0), fractionDigits)
          .isEqualTo(Integer.parseInt(row.get(7)));
      assertThat(minor.segments().segment(i)).isEqualTo(RESULT.segments().segment(RESULT.row(row.get(0))));
    }
  }

  static Stream<Arguments> expectedSegments() {
    return csv("rfm_expected_segments_vignettedef.csv").stream().map(row -> Arguments.of(row.toArray()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedSegments")
  void vignetteSegmentsMatchR(String customer, String segment, String score) {
    int i = RESULT.row(customer);
    assertThat(RESULT.scores().rfmScore(i)).isEqualTo(Integer.parseInt(score));
    assertThat(RESULT.segments().segment(i)).isEqualTo(segment);
  }

  @org.junit.jupiter.api.Test
  void everyCustomerIsCompared() {
    assertThat(RESULT.features().size()).isEqualTo(995).isEqualTo(expectedTable().count());
    assertThat(expectedSegments().count()).isEqualTo(995);
  }

  /** The data rows of a CSV written by R's write.csv: fields quoted when strings, "" inside quotes. */
  private static List<List<String>> csv(String name) {
    String text;
    try (InputStream in = RPackageRfmTest.class.getResourceAsStream(DIR + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      rows.add(fields);
    }
    return rows.subList(1, rows.size());
  }

}
