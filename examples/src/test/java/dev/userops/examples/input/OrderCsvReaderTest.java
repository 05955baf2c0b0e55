package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderCsvReaderTest {
  private static final String HEADER = "user_id,order_id,occurred_at,amount,status\n";

  private final UserIdDictionary users = new UserIdDictionary();
  private BadRecordPolicy policy = BadRecordPolicy.SKIP_AND_COUNT;
  /** What the last reader skipped. */
  private Diagnostics skipped;

  /** A reader of {@code csv} as the file {@code name}, in a currency with {@code fractionDigits}. */
  private OrderReader reader(String name, String csv, ZoneId zone, int fractionDigits) {
    return OrderReader.csv(name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), zone,
        fractionDigits, users, policy);
  }

  private List<Order> read(String csv, ZoneId zone) throws IOException {
    List<Order> orders = new ArrayList<>();
    try (OrderReader reader = reader("orders.csv", csv, zone, 2)) {
      reader.forEach(orders::add);
      skipped = reader.diagnostics();
    }
    return orders;
  }

  private Order one(String row) throws IOException {
    return read(HEADER + row + "\n", ZoneId.of("UTC")).get(0);
  }

  private Instant occurredAt(String text, String zone) throws IOException {
    return read(HEADER + "u1,o1," + text + ",1.00,paid\n", ZoneId.of(zone)).get(0).occurredAt();
  }

  @Test
  void aLoneCarriageReturnInAQuotedFieldIsKeptAndEndsNothing() throws IOException {
    // FastCSV 4.1.0 dropped this field and joined its row with the next (fixed in 4.3.0).
    List<Order> orders = read(HEADER + "u1,\"o\r1\",2026-03-01T10:00:00Z,1.00,paid\nu2,o2,2026-03-02T10:00:00Z,2.00,paid\n",
        ZoneId.of("UTC"));
    assertThat(orders).extracting(Order::orderId).containsExactly("o\r1", "o2");
    assertThat(skipped.totalSkipped()).isZero();
  }

  @Test
  void readsEveryFieldAndMapsUserIdsDensely() throws IOException {
    List<Order> orders = read(
        "user_id,order_id,occurred_at,amount,status,sales_channel\n"
            + "alice,o1,2026-03-01T10:00:00Z,12.34,paid,app\n"
            + "bob,o2,2026-03-02T10:00:00Z,0.10,CANCELLED,\n"
            + "alice,o3,2026-03-03T10:00:00Z,5,Refunded,web\n",
        ZoneId.of("UTC"));

    assertThat(orders).containsExactly(
        new Order("o1", 0, Instant.parse("2026-03-01T10:00:00Z"), 1234, OrderStatus.PAID, "app"),
        new Order("o2", 1, Instant.parse("2026-03-02T10:00:00Z"), 10, OrderStatus.CANCELLED, null),
        new Order("o3", 0, Instant.parse("2026-03-03T10:00:00Z"), 500, OrderStatus.REFUNDED, "web"));
    assertThat(users.userId(0)).isEqualTo("alice");
    assertThat(users.userId(1)).isEqualTo("bob");
  }

  @Test
  void columnsMayComeInAnyOrderAndChannelIsOptional() throws IOException {
    List<Order> orders = read("status,amount,occurred_at,order_id,user_id\npaid,1.50,2026-03-01,o1,u\n",
        ZoneId.of("UTC"));

    assertThat(orders).containsExactly(
        Order.of("o1", 0, Instant.parse("2026-03-01T00:00:00Z"), 150, OrderStatus.PAID));
  }

  @ParameterizedTest(name = "{0}: {1} in {2} is {3}")
  @CsvSource(delimiter = '|', textBlock = """
      a date is the start of that day in the zone   | 2026-03-01                | UTC                 | 2026-03-01T00:00:00Z
      a date is the start of that day in the zone   | 2026-03-01                | Asia/Shanghai       | 2026-02-28T16:00:00Z
      a date is the start of that day in the zone   | 2026-03-01                | America/New_York    | 2026-03-01T05:00:00Z
      a local date-time is read in the zone         | 2026-03-01T14:30          | Asia/Shanghai       | 2026-03-01T06:30:00Z
      a local date-time is read in the zone         | 2026-03-01T14:30:15       | America/Los_Angeles | 2026-03-01T22:30:15Z
      a local date-time is read in the zone         | 2026-03-01T14:30:15.250   | UTC                 | 2026-03-01T14:30:15.250Z
      # New York skipped 02:00-03:00 on 2026-03-08: 02:30 does not exist and becomes 03:30 EDT (-04:00).
      a local time in a DST gap shifts forward      | 2026-03-08T02:30          | America/New_York    | 2026-03-08T07:30:00Z
      # 01:30 happened twice on 2026-11-01; the first, in EDT (-04:00), is taken.
      a local time in a DST overlap takes the first | 2026-11-01T01:30          | America/New_York    | 2026-11-01T05:30:00Z
      a date-time with offset ignores the zone      | 2026-03-01T14:30:00+08:00 | America/New_York    | 2026-03-01T06:30:00Z
      a date-time with offset ignores the zone      | 2026-03-01T14:30:00-05:00 | Asia/Tokyo          | 2026-03-01T19:30:00Z
      a date-time with offset ignores the zone      | 2026-03-01T14:30:00Z      | Asia/Tokyo          | 2026-03-01T14:30:00Z
      """)
  void occurredAtIsReadInTheZoneUnlessItHasAnOffset(String rule, String text, String zone, Instant expected)
      throws IOException {
    assertThat(occurredAt(text, zone)).isEqualTo(expected);
  }

  @Test
  void amountsAreConvertedToMinorUnitsExactly() throws IOException {
    assertThat(one("u,o,2026-03-01,0.10,paid").amountMinor()).isEqualTo(10);
    assertThat(one("u,o,2026-03-01,19.99,paid").amountMinor()).isEqualTo(1999);
    assertThat(one("u,o,2026-03-01,7,paid").amountMinor()).isEqualTo(700);
    assertThat(one("u,o,2026-03-01,92233720368547758.07,paid").amountMinor()).isEqualTo(Long.MAX_VALUE);
    assertThat(one("u,o,2026-03-01,-5.00,paid").amountMinor()).isEqualTo(-500);
  }

  @Test
  void aMalformedFieldIsAnInputExceptionNamingFileLineAndFieldUnderReject() {
    policy = BadRecordPolicy.REJECT;
    assertThatThrownBy(() -> read(HEADER + "u,o1,2026-03-01,1.00,paid\nu,o2,2026-03-01,abc,paid\n",
        ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessage("orders.csv:3: amount: expected a decimal amount in major units like 12.34, got \"abc\"")
        .satisfies(e -> {
          InputException input = (InputException) e;
          assertThat(input.source()).isEqualTo("orders.csv");
          assertThat(input.line()).isEqualTo(3);
          assertThat(input.field()).isEqualTo("amount");
        });
  }

  @Test
  void aWrongHeaderNamesMissingAndUnknownColumnsUnderEitherPolicy() {
    assertThatThrownBy(() -> read("user_id,order_id,occurred_at,amt,status,coupon\n", ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessage("orders.csv:1: header: missing column(s) amount; unknown column(s) amt, coupon"
            + " (expected user_id,order_id,occurred_at,amount,status[,sales_channel])");
    assertThatThrownBy(() -> read("u1,o1,2026-03-01,1.00,paid\n", ZoneId.of("UTC")))
        .hasMessageStartingWith("orders.csv:1: header: missing column(s) user_id, order_id");
    assertThatThrownBy(() -> read("", ZoneId.of("UTC")))
        .hasMessageStartingWith("orders.csv:1: header: expected a header");
    assertThatThrownBy(() -> read(HEADER.replace("status", "status,amount"), ZoneId.of("UTC")))
        .hasMessageStartingWith("orders.csv:1: header: repeated column(s) amount");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    assertThat(read("\uFEFF" + HEADER + "u,o,2026-03-01,1.00,paid\n", ZoneId.of("UTC"))).hasSize(1);
  }

  @Test
  void quotedFieldsAndCrlfLineEndsAreCsv() throws IOException {
    List<Order> orders = read(HEADER.replace("\n", "\r\n") + "\"u,1\",\"o\"\"1\",2026-03-01,1.00,paid\r\n",
        ZoneId.of("UTC"));

    assertThat(orders.get(0).orderId()).isEqualTo("o\"1");
    assertThat(users.userId(0)).isEqualTo("u,1");
  }

  @Test
  void duplicateOrderIdsAreCountedAndSkippedUnderSkip() throws IOException {
    List<Order> orders = read(HEADER
        + "u,o1,2026-03-01,1.00,paid\n"
        + "u,o1,2026-03-02,2.00,paid\n"
        + "v,o2,2026-03-02,3.00,paid\n"
        + "v,o1,2026-03-03,4.00,cancelled\n", ZoneId.of("UTC"));

    assertThat(orders).extracting(Order::amountMinor).containsExactly(100L, 300L);
    assertThat(skipped.skipped(BadRecordReason.DUPLICATE_ORDER_ID)).isEqualTo(2);
  }

  @Test
  void aDuplicateOrderIdIsAnErrorNamingTheLineUnderReject() {
    policy = BadRecordPolicy.REJECT;

    assertThatThrownBy(() -> read(HEADER + "u,o1,2026-03-01,1.00,paid\nu,o2,2026-03-01,1.00,paid\n"
        + "u,o1,2026-03-02,2.00,paid\n", ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessage("orders.csv:4: order_id: DUPLICATE_ORDER_ID: order_id \"o1\" appeared on an earlier line");
  }

  @Test
  void recordsTheSummaryRejectsAreLocatedByLine() {
    OrderSummaryAccumulator summary = new OrderSummarySpec(ZoneId.of("UTC"),
        Instant.parse("2026-03-31T00:00:00Z"), BadRecordPolicy.REJECT).newAccumulator();
    String csv = HEADER + "u,o1,2026-03-01,1.00,paid\n";

    assertThatThrownBy(() -> readInto(csv + "u,o2,2026-03-01,-5.00,paid\n", summary))
        .hasMessage("orders.csv:3: amount: NEGATIVE_AMOUNT: amountMinor must be >= 0, got -500");
    assertThatThrownBy(() -> readInto(csv + "u,o2,2026-04-01,5.00,paid\n", summary))
        .hasMessage("orders.csv:3: occurred_at: AFTER_AS_OF: occurredAt must be <= asOf"
            + " 2026-03-31T00:00:00Z, got 2026-04-01T00:00:00Z");
  }

  @Test
  void underSkipTheReaderCountsDuplicatesAndTheSummaryEverythingElse() throws IOException {
    OrderSummaryAccumulator summary = new OrderSummarySpec(ZoneId.of("UTC"), null,
        BadRecordPolicy.SKIP_AND_COUNT).newAccumulator();

    String csv = HEADER
        + "u,o1,2026-03-01,1.00,paid\n"
        + "u,o1,2026-03-01,1.00,paid\n"
        + "u,o2,1969-12-31,1.00,paid\n"
        + "u,o3,2026-03-01,-1.00,paid\n";
    long records;
    try (OrderReader reader = reader("orders.csv", csv, ZoneId.of("UTC"), 2)) {
      records = reader.forEach(summary::add);
      skipped = reader.diagnostics();
    }

    OrderSummary result = summary.result();
    assertThat(records).isEqualTo(4);
    assertThat(result.orders()).isEqualTo(1);
    assertThat(skipped.skipped()).containsOnlyKeys(BadRecordReason.DUPLICATE_ORDER_ID);
    assertThat(result.diagnostics().skipped())
        .containsOnlyKeys(BadRecordReason.BEFORE_1970, BadRecordReason.NEGATIVE_AMOUNT);
  }

  private long readInto(String csv, OrderSummaryAccumulator summary) throws IOException {
    try (OrderReader reader = reader("orders.csv", csv, ZoneId.of("UTC"), 2)) {
      return reader.forEach(summary::add);
    }
  }

  @Test
  void otherCurrenciesHaveOtherFractionDigits() throws IOException {
    policy = BadRecordPolicy.REJECT;
    String csv = HEADER + "u,o1,2026-03-01,1500,paid\nu,o2,2026-03-01,1.5,paid\n";
    List<Order> orders = new ArrayList<>();
    try (OrderReader yen = reader("yen.csv", csv, ZoneId.of("UTC"), 0)) {
      assertThatThrownBy(() -> yen.forEach(orders::add))
          .hasMessage("yen.csv:3: amount: expected at most 0 fraction digits (amounts are never rounded), got \"1.5\"");
    }
    assertThat(orders).extracting(Order::amountMinor).containsExactly(1500L);
  }

  /** One malformed row of each kind, its reason and its rejection after {@code orders.csv:3: }. */
  static Stream<Arguments> malformedRows() {
    String anyForm = "expected a date (2026-03-01), a local date-time (2026-03-01T14:30[:ss]) or a date-time"
        + " with offset (2026-03-01T14:30:00+08:00 or ...Z), got ";
    return Stream.of(
        Arguments.of("u,o,2026-03-01,\"1,000.00\",paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"1,000.00\""),
        Arguments.of("u,o,2026-03-01,1e3,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"1e3\""),
        Arguments.of("u,o,2026-03-01,+1,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"+1\""),
        Arguments.of("u,o,2026-03-01,.5,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \".5\""),
        Arguments.of("u,o,2026-03-01,5.,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"5.\""),
        Arguments.of("u,o,2026-03-01,1_000.00,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"1_000.00\""),
        Arguments.of("u,o,2026-03-01, 1.00,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \" 1.00\""),
        Arguments.of("u,o,2026-03-01,1.00 ,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"1.00 \""),
        Arguments.of("u,o,2026-03-01,,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"\""),
        Arguments.of("u,o,2026-03-01,92233720368547758.08,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: amount out of range of long minor units, got \"92233720368547758.08\""),
        Arguments.of("u,o,2026-03-01,12.345,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected at most 2 fraction digits (amounts are never rounded), got \"12.345\""),
        Arguments.of("u,o,2026-03-01,1.00\0,paid", BadRecordReason.MALFORMED_AMOUNT,
            "amount: expected a decimal amount in major units like 12.34, got \"1.00\\x00\""),
        Arguments.of("u,o,2024-02-30,1.00,paid", BadRecordReason.MALFORMED_TIMESTAMP,
            "occurred_at: " + anyForm + "\"2024-02-30\""),
        Arguments.of("u,o,01/03/2026,1.00,paid", BadRecordReason.MALFORMED_TIMESTAMP,
            "occurred_at: " + anyForm + "\"01/03/2026\""),
        Arguments.of("u,o,+999999999-12-31,1.00,paid", BadRecordReason.MALFORMED_TIMESTAMP,
            "occurred_at: expected a year from 0000 to 9999,"
                + " got \"+999999999-12-31\""),
        Arguments.of("u,o,2026-03-01,1.00,shipped", BadRecordReason.MALFORMED_STATUS,
            "status: expected paid, cancelled or refunded, got \"shipped\""),
        Arguments.of("u,o,2026-03-01,1.00,\"pa\r\nid\"", BadRecordReason.MALFORMED_STATUS,
            "status: expected paid, cancelled or refunded, got \"pa\\r\\nid\""),
        Arguments.of("u,o,2026-03-01,1.00", BadRecordReason.WRONG_FIELD_COUNT,
            "row: expected 5 fields as in the header, got 4"),
        Arguments.of("u,o,2026-03-01,1.00,paid,app", BadRecordReason.WRONG_FIELD_COUNT,
            "row: expected 5 fields as in the header, got 6"),
        Arguments.of(",o,2026-03-01,1.00,paid", BadRecordReason.EMPTY_ID,
            "user_id: expected a non-empty id, got \"\""),
        Arguments.of("\" \t \",o,2026-03-01,1.00,paid", BadRecordReason.EMPTY_ID,
            "user_id: expected a non-empty id, got \" \\t \""),
        Arguments.of("u,  ,2026-03-01,1.00,paid", BadRecordReason.EMPTY_ID,
            "order_id: expected a non-empty id, got \"  \""));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("malformedRows")
  void aMalformedRowIsSkippedAndCountedByItsReasonUnderSkip(String row, BadRecordReason reason, String message)
      throws IOException {
    List<Order> orders = new ArrayList<>();
    long records;
    try (OrderReader reader = reader("orders.csv", HEADER + "u1,o1,2026-03-01,1.00,paid\n" + row
        + "\nu2,o2,2026-03-02,2.00,paid\n", ZoneId.of("UTC"), 2)) {
      records = reader.forEach(orders::add);
      skipped = reader.diagnostics();
    }

    assertThat(records).isEqualTo(3);
    assertThat(orders).extracting(Order::orderId).containsExactly("o1", "o2");
    assertThat(skipped.skipped()).containsExactly(Map.entry(reason, 1L));
    assertThat(users.size()).as("a bad row adds no user").isEqualTo(2);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("malformedRows")
  void aMalformedRowNamesFileLineFieldAndValueUnderReject(String row, BadRecordReason reason, String message) {
    policy = BadRecordPolicy.REJECT;

    assertThatThrownBy(() -> read(HEADER + "u1,o1,2026-03-01,1.00,paid\n" + row + "\n", ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessage("orders.csv:3: " + message)
        .hasNoCause();
  }

  @Test
  void idsAreTrimmedSoSurroundingWhitespaceNamesOneUserAndOneOrder() throws IOException {
    List<Order> orders = read(HEADER
        + "u1,o1,2026-03-01,1.00,paid\n"
        + " u1,o2,2026-03-01,1.00,paid\n"
        + "u1 ,o3,2026-03-01,1.00,paid\n"
        + "\"\tu1\t\",o4,2026-03-01,1.00,paid\n"
        + "u1, o1 ,2026-03-01,1.00,paid\n", ZoneId.of("UTC"));

    assertThat(orders).extracting(Order::orderId).containsExactly("o1", "o2", "o3", "o4");
    assertThat(orders).extracting(Order::userId).containsOnly(0L);
    assertThat(users.userId(0)).isEqualTo("u1");
    assertThat(skipped.skipped()).containsExactly(Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 1L));
  }

  @Test
  void bytesThatAreNotUtf8AreABadRecordNeverAReplacementCharacter() throws IOException {
    byte[] csv = bytes(HEADER, "caf", 0xE9, ",o1,2026-03-01,1.00,paid\n",
        "caf", 0xE8, ",o2,2026-03-01,1.00,paid\n",
        "caf\u00e9,o3,2026-03-01,1.00,paid\n",
        "u,o", 0xE2, 0x82, ",2026-03-01,1.00,paid\n", // a truncated euro sign
        "u,o5,2026-03-01,1.00,pa", 0xC0, 0xAF, "id\n", // an overlong '/'
        "u,o6,2026-03-01,1.00,", 0xED, 0xA0, 0x80, "\n"); // an encoded surrogate
    List<Order> orders = new ArrayList<>();
    try (OrderReader reader = OrderReader.csv("orders.csv", new ByteArrayInputStream(csv), ZoneId.of("UTC"), 2,
        users, policy)) {
      reader.forEach(orders::add);
      skipped = reader.diagnostics();
    }

    assertThat(orders).extracting(Order::orderId).containsExactly("o3");
    assertThat(users.userId(0)).isEqualTo("caf\u00e9");
    assertThat(users.size()).isEqualTo(1);
    assertThat(skipped.skipped()).containsExactly(Map.entry(BadRecordReason.MALFORMED_ENCODING, 5L));

    policy = BadRecordPolicy.REJECT;
    assertThatThrownBy(() -> OrderReader.csv("orders.csv", new ByteArrayInputStream(csv), ZoneId.of("UTC"), 2,
        users, policy).forEach(order -> { }))
        .hasMessage("orders.csv:2: user_id: expected UTF-8, got \"caf\\xE9\"");
  }

  @Test
  void aLongValueIsCutInTheMessage() {
    policy = BadRecordPolicy.REJECT;
    String status = "s".repeat(10_000);

    assertThatThrownBy(() -> one("u,o,2026-03-01,1.00," + status))
        .hasMessage("orders.csv:2: status: expected paid, cancelled or refunded, got \"" + "s".repeat(100)
            + "\u2026\" (10,000 characters)");
  }

  @Test
  void nulAndQuotedLineBreaksAreData() throws IOException {
    List<Order> orders = read(HEADER + "u\0,o1,2026-03-01,1.00,paid\r\n\"two\r\nlines\",o2,2026-03-01,1.00,paid\r\n",
        ZoneId.of("UTC"));

    assertThat(orders).hasSize(2);
    assertThat(users.userId(0)).isEqualTo("u\0");
    assertThat(users.userId(1)).isEqualTo("two\r\nlines");
  }

  @Test
  void aQuoteNeverClosedOrTextAfterAClosingQuoteEndsTheRunUnderEitherPolicy() {
    assertThatThrownBy(() -> read(HEADER + "u,o1,2026-03-01,1.00,paid\n\"u,o2,2026-03-01,1.00,paid\n"
        + "u,o3,2026-03-01,1.00,paid\n", ZoneId.of("UTC")))
        .hasMessage("orders.csv:3: row: malformed CSV: a quote opened in this row is never closed, so the row"
            + " runs to the end of the file");
    assertThatThrownBy(() -> read(HEADER + "u,o1,2026-03-01,1.00,paid\nu,\"o2\"x,2026-03-01,1.00,paid\n",
        ZoneId.of("UTC")))
        .hasMessage("orders.csv:3: row: malformed CSV: unexpected character after closing quote: 'x' (0x78)");
  }

  /** The UTF-8 bytes of the strings and the given bytes, in order. */
  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }
}
