package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Activity;
import dev.userops.core.event.Order;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The messy exports of {@code src/test/resources/messy} (see its README) through every reader: a
 * BOM, CRLF, quoted commas and line breaks, NUL, a 10,000-character id, years 0001 and 9999, bytes
 * that are not UTF-8, whitespace around ids and each kind of malformed row.
 */
class MessyInputTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final UserIdDictionary users = new UserIdDictionary();

  private static InputStream messy(String name) {
    return MessyInputTest.class.getResourceAsStream("/messy/" + name);
  }

  private record Read<T>(long records, List<T> passed, Diagnostics skipped) {}

  private Read<Order> orders(String name, BadRecordPolicy policy) throws IOException {
    List<Order> orders = new ArrayList<>();
    try (OrderReader reader = name.endsWith(".txt")
        ? OrderReader.cdnow(name, messy(name), UTC, users, policy)
        : OrderReader.csv(name, messy(name), UTC, 2, users, policy)) {
      long records = reader.forEach(orders::add);
      return new Read<>(records, orders, reader.diagnostics());
    }
  }

  @Test
  void ordersCsvSkipsAndCountsEveryMalformedRowByItsReason() throws IOException {
    Read<Order> read = orders("orders.csv", BadRecordPolicy.SKIP_AND_COUNT);

    assertThat(read.records()).isEqualTo(29);
    assertThat(read.skipped().skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
        BadRecordReason.DUPLICATE_ORDER_ID, 1L,
        BadRecordReason.MALFORMED_ENCODING, 2L,
        BadRecordReason.WRONG_FIELD_COUNT, 2L,
        BadRecordReason.EMPTY_ID, 3L,
        BadRecordReason.MALFORMED_TIMESTAMP, 1L,
        BadRecordReason.MALFORMED_AMOUNT, 4L,
        BadRecordReason.MALFORMED_STATUS, 1L));
    // What is left is well-formed; negative amounts and times out of range are the screen's.
    assertThat(read.passed()).extracting(Order::orderId).containsExactly(
        "o1", "o2", "o3", "o4", "o5", "o6", "o9", "o10", "o11", "o12", "o13", "o24", "o25", "o26", "o27");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      ids.add(users.userId(i));
    }
    assertThat(ids).containsExactly("alice", "bob, jr.", "multi\r\nline \"user\"", "caf\u00e9", "u\0nul",
        "x".repeat(10_000), "dave", "frank", "gina");
    assertThat(read.passed().get(8).occurredAt()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(read.passed().get(9).occurredAt()).isEqualTo("9999-12-31T23:59:59Z");
  }

  @Test
  void ordersCsvUnderRejectStopsAtTheFirstMalformedRow() {
    assertThatThrownBy(() -> orders("orders.csv", BadRecordPolicy.REJECT))
        .isInstanceOf(InputException.class)
        .hasMessage("orders.csv:9: user_id: expected UTF-8, got \"caf\\xE9\"");
  }

  @Test
  void cdnowSkipsAndCountsEveryMalformedRowByItsReason() throws IOException {
    Read<Order> read = orders("cdnow.txt", BadRecordPolicy.SKIP_AND_COUNT);

    assertThat(read.records()).isEqualTo(7);
    assertThat(read.passed()).extracting(Order::amountMinor).containsExactly(1177L, 350L);
    assertThat(read.skipped().skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
        BadRecordReason.MALFORMED_TIMESTAMP, 1L,
        BadRecordReason.MALFORMED_AMOUNT, 2L,
        BadRecordReason.WRONG_FIELD_COUNT, 1L,
        BadRecordReason.MALFORMED_ENCODING, 1L));
    assertThatThrownBy(() -> orders("cdnow.txt", BadRecordPolicy.REJECT))
        .hasMessage("cdnow.txt:3: date: expected a date yyyyMMdd like 19970101, got \"19970230\"");
  }

  @Test
  void eventsCsvSkipsAndCountsEveryMalformedRowByItsReason() throws IOException {
    List<Activity> events = new ArrayList<>();
    long records;
    Diagnostics skipped;
    try (EventCsvReader reader = EventCsvReader.of("events.csv", messy("events.csv"), UTC, users,
        BadRecordPolicy.SKIP_AND_COUNT)) {
      records = reader.forEach(events::add);
      skipped = reader.diagnostics();
    }

    assertThat(records).isEqualTo(9);
    assertThat(events).extracting(Activity::type).containsExactly("launch", "launch", "order", "launch");
    assertThat(events).extracting(Activity::userId).containsExactly(0L, 0L, 1L, 2L);
    assertThat(users.userId(0)).isEqualTo("alice");
    assertThat(skipped.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
        BadRecordReason.MALFORMED_ENCODING, 1L,
        BadRecordReason.MALFORMED_TIMESTAMP, 1L,
        BadRecordReason.WRONG_FIELD_COUNT, 1L,
        BadRecordReason.EMPTY_ID, 2L));
    assertThatThrownBy(() -> EventCsvReader.of("events.csv", messy("events.csv"), UTC, users,
        BadRecordPolicy.REJECT).forEach(a -> { }))
        .hasMessage("events.csv:5: user_id: expected UTF-8, got \"caf\\xE9\"");
  }

  @Test
  void profilesSkipAndCountEveryMalformedLineByItsReason() throws IOException {
    List<String> ids = new ArrayList<>();
    TagsProfileReader.Result read;
    try (InputStream in = messy("profiles.jsonl")) {
      read = TagsProfileReader.read("profiles.jsonl", in, BadRecordPolicy.SKIP_AND_COUNT,
          (userId, profile) -> ids.add(userId));
    }

    assertThat(read.records()).isEqualTo(6);
    assertThat(ids).containsExactly("u1", "2");
    assertThat(read.diagnostics().skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(
        BadRecordReason.MALFORMED_ENCODING, 1L,
        BadRecordReason.EMPTY_ID, 1L,
        BadRecordReason.MALFORMED_RECORD, 2L));
    assertThatThrownBy(() -> TagsProfileReader.read("profiles.jsonl", messy("profiles.jsonl"),
        BadRecordPolicy.REJECT, (userId, profile) -> { }))
        .hasMessage("profiles.jsonl:2: row: expected UTF-8, got \"{\"userId\":\"caf\\xE9\",\"region\":\"CN-SH\"}\"");
  }

  @Test
  void aFileThatCannotBeReadOnEndsTheRunUnderSkipToo() {
    assertThatThrownBy(() -> orders("unterminated.csv", BadRecordPolicy.SKIP_AND_COUNT))
        .hasMessage("unterminated.csv:3: row: malformed CSV: a quote opened in this row is never closed, so"
            + " the row runs to the end of the file");
    assertThatThrownBy(() -> orders("text-after-quote.csv", BadRecordPolicy.SKIP_AND_COUNT))
        .hasMessage("text-after-quote.csv:3: row: malformed CSV: unexpected character after closing quote:"
            + " 'x' (0x78)");
  }
}
