package dev.userops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Granularity;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Activity;
import dev.userops.core.event.Order;
import dev.userops.examples.input.OrderReader;
import dev.userops.retention.cohort.RetentionMatrix;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseResult;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmScoring;
import dev.userops.segmentation.rfm.RfmSegments;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.rfm.SegmentTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code examples/notebook.jsh} the way the README opens it, {@code jshell --class-path
 * examples/target/userops.jar examples/notebook.jsh}, against the shaded jar of this build, with
 * stdin closed so the session ends after the script. The figures it prints must equal facts of the
 * raw CDNOW file (read here without the library's readers) or the library's results computed here
 * by another path (collectors over {@link Order} records instead of {@code ValidOrders}).
 */
class NotebookIT {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant AS_OF = Instant.parse("1998-07-01T00:00:00Z");
  private static final String CDNOW = "/dev/userops/examples/data/CDNOW_master.txt";
  private static final long TIMEOUT_SECONDS = 300;

  private static List<String> output;

  /** One row of the raw file: customer id, date, dollars. */
  private record Row(String customer, LocalDate date, BigDecimal dollars) {}

  @BeforeAll
  static void runNotebook() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("userops.jar", "target/userops.jar")).toAbsolutePath();
    Path notebook = Path.of(System.getProperty("userops.notebook", "notebook.jsh")).toAbsolutePath();
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    assertThat(jar).as("the shaded jar, built at package").isRegularFile();
    assertThat(notebook).isRegularFile();
    assertThat(jshell).as("jshell of the running JDK").isRegularFile();
    Path target = jar.getParent();
    Path log = target.resolve("notebook-output.txt");
    Process process = new ProcessBuilder(jshell.toString(),
        // A developer's retained jshell settings (/set ... -retain) must not change the output.
        "-J-Djava.util.prefs.userRoot=" + target.resolve("jshell-prefs"),
        "--class-path", jar.toString(), notebook.toString())
        .directory(notebook.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("jshell did not end within " + TIMEOUT_SECONDS + " s; output:%n%s", Files.readString(log));
    }
    String text = Files.readString(log).replace("\r\n", "\n");
    assertThat(process.exitValue()).as(text).isZero();
    output = List.of(text.split("\n"));
  }

  @Test
  void jshellReportsNoErrorOrException() {
    // A snippet that does not compile prints "Error:", one that throws "Exception ..."; any other
    // jshell feedback starts with "|  ". The welcome banner of the session is the only such line.
    List<String> diagnostics = output.stream()
        .filter(line -> line.contains("Error:") || line.contains("Exception")
            || (line.startsWith("|  ") && !line.startsWith("|  Welcome to JShell")
                && !line.startsWith("|  For an introduction type")))
        .toList();
    assertThat(diagnostics).as(String.join("\n", output)).isEmpty();
    assertThat(output).anyMatch(line -> line.startsWith("Done."));
  }

  @Test
  void loadAndRfmPrintFactsOfTheRawFile() throws IOException {
    List<Row> rows = rawRows();
    BigDecimal revenue = rows.stream().map(Row::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
    long users = rows.stream().map(Row::customer).distinct().count();
    // Fader, Hardie & Lee (2005): 23,570 customers, 69,659 transactions, none of them invalid.
    assertThat(users).isEqualTo(23_570);
    assertThat(rows).hasSize(69_659);
    LocalDate first = rows.stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = rows.stream().map(Row::date).max(LocalDate::compareTo).orElseThrow();

    List<Row> customer3 = rows.stream().filter(r -> r.customer().equals("00003")).toList();
    long recency = ChronoUnit.DAYS.between(customer3.get(customer3.size() - 1).date(), LocalDate.ofInstant(AS_OF, UTC));
    BigDecimal spend = customer3.stream().map(Row::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(output).containsSubsequence(
        String.format("1. Loaded: %,d users, %,d valid orders, revenue $%,.2f, %s .. %s", users, rows.size(), revenue, first, last),
        String.format("2. RFM of %,d users; customer 00003: recency %d days, %d orders, $%s", users, recency, customer3.size(), spend),
        "   two halves merged equal one pass: true");
  }

  @Test
  void segmentsRetentionAndRepurchaseEqualTheLibraryByAnotherPath() throws IOException {
    UserIdDictionary userIds = new UserIdDictionary();
    List<Order> orders = orders(userIds);
    long revenue = orders.stream().mapToLong(Order::amountMinor).sum();
    List<String> expected = new ArrayList<>();

    RfmFeatures features = orders.stream().collect(RfmSpec.of(UTC, AS_OF).collector());
    RfmSegments segments = SegmentTable.vignette().segment(features, RfmScoring.quantiles(5).score(features));
    long user3 = userIds.find("00003");
    int row3 = 0;
    while (features.userId(row3) != user3) {
      row3++;
    }
    expected.add("3. Segments (customer 00003: " + segments.segment(row3) + ")");
    for (RfmSegments.SegmentSize s : segments.sizes()) {
      expected.add(String.format("   %-20s %,7d users %6.1f%% of revenue", s.name(), s.users(), 100.0 * s.revenueMinor() / revenue));
    }

    RetentionSpec retentionSpec = new RetentionSpec(Granularity.MONTH, UTC, null, 0, List.of(1, 1, 1, 3, 6, 5),
        LocalDate.of(1997, 1, 1), LocalDate.of(1997, 3, 31), AS_OF, null, null, null, null, null, null);
    RetentionMatrix matrix = orders.stream().map(o -> new Activity(o.userId(), o.occurredAt(), "order"))
        .collect(retentionSpec.collector());
    assertThat(matrix.cohorts()).extracting(RetentionMatrix.Cohort::size).containsExactly(7_846L, 8_476L, 7_248L);
    expected.addAll(List.of(matrix.toText().split("\n")));

    RepurchaseResult repurchase = orders.stream().collect(RepurchaseSpec.of(UTC, AS_OF).collector());
    for (RepurchaseResult.Cohort c : repurchase.cohorts()) {
      expected.add(String.format("   %s %,7d first buyers %6.1f%%", c.start(), c.firstBuyers(), 100 * c.rate().getAsDouble()));
    }
    expected.add(String.format("   pooled %.1f%%; median days to a second order %d; %.1f%% of buyers have 2+ orders",
        100 * repurchase.pooled().rate().getAsDouble(), repurchase.timeToSecondOrder().medianDays(),
        100 * repurchase.shareWith2Plus().getAsDouble()));

    assertThat(output).containsSubsequence(expected);
  }

  @Test
  void pointsOfCustomer3FollowTheBundledProgram() throws IOException {
    // The program: 1 point per whole dollar of each order, 50 for the first order, order points
    // released after 14 days, every lot expiring at the end of the year after it was earned.
    List<Row> orders = rawRows().stream().filter(r -> r.customer().equals("00003")).toList();
    long earned = 50;
    long earnedIn1997 = 50;
    for (Row order : orders) {
      long points = order.dollars().setScale(0, RoundingMode.FLOOR).longValueExact();
      earned += points;
      earnedIn1997 += order.date().getYear() == 1997 ? points : 0;
    }
    assertThat(orders.get(orders.size() - 1).date().plusDays(14)).isBefore(LocalDate.ofInstant(AS_OF, UTC));

    assertThat(output).containsSubsequence(
        "6. Points ledger of customer 00003",
        String.format("   at 1998-07-01: %d available, 0 pending; the last order redelivered: DUPLICATE", earned),
        String.format("   at 1999-01-01: %d expired, %d available", earnedIn1997, earned - earnedIn1997));
  }

  @Test
  void customerValueCountsRepeatPurchaseDaysOfTheRawFile() throws IOException {
    // Repeat purchase days: a customer's distinct purchase days after the first, up to 1997-09-30
    // in the calibration and from 1997-10-01 to 1998-06-30 in the holdout (Fader, Hardie & Lee 2005).
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
    for (Row row : rawRows()) {
      days.computeIfAbsent(row.customer(), c -> new TreeSet<>()).add(row.date());
    }
    long calibration = 0;
    long holdout = 0;
    for (TreeSet<LocalDate> customer : days.values()) {
      calibration += customer.headSet(calibrationEnd, true).size() - 1;
      holdout += customer.tailSet(calibrationEnd, false).size();
    }
    assertThat(output).contains("8. Customer value, calibrated to 1997-09-30");
    String summary = "   23570 customers, " + calibration + " repeat purchase days;";
    String check = "   holdout to 1998-06-30: " + holdout + " repeat purchase days,";
    assertThat(output).anyMatch(line -> line.startsWith(summary));
    assertThat(output).anyMatch(line -> line.startsWith(check));
  }

  @Test
  void pushDecisionsFollowTheBundledPolicy() {
    // The policy: a 20-hour cool-down per campaign, 2 pushes per local day, quiet from 22:00.
    assertThat(output).containsSubsequence(
        "7. Push decisions for one user on 1998-07-01",
        "   10:00 win-back     SEND",
        "   13:00 win-back     DROP (COOL_DOWN, campaignCoolDown)",
        "   15:00 new-releases SEND",
        "   18:00 weekend-sale DROP (CAP_CHANNEL, caps[0])",
        "   23:00 last-call    DEFER (QUIET_HOURS, quietHours)");
  }

  /** The bundled file parsed here, sharing no code with the library's readers. */
  private static List<Row> rawRows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource(), StandardCharsets.US_ASCII))) {
      lines.readLine();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.trim().split(" +");
        rows.add(new Row(fields[0], LocalDate.parse(fields[1], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(fields[3])));
      }
    }
    return rows;
  }

  private static List<Order> orders(UserIdDictionary userIds) throws IOException {
    List<Order> orders = new ArrayList<>();
    try (OrderReader reader = OrderReader.cdnow(CDNOW, resource(), UTC, userIds, BadRecordPolicy.REJECT)) {
      reader.forEach(orders::add);
    }
    return orders;
  }

  private static InputStream resource() {
    return NotebookIT.class.getResourceAsStream(CDNOW);
  }
}
