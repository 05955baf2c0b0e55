package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Activity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventCsvReaderTest {
  private final UserIdDictionary users = new UserIdDictionary();
  private BadRecordPolicy policy = BadRecordPolicy.REJECT;

  private List<Activity> read(String csv, ZoneId zone) throws IOException {
    List<Activity> events = new ArrayList<>();
    read(csv, zone, events::add);
    return events;
  }

  private long read(String csv, ZoneId zone, Consumer<Activity> consumer) throws IOException {
    try (EventCsvReader reader = EventCsvReader.of("events.csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), zone, users, policy)) {
      return reader.forEach(consumer);
    }
  }

  @Test
  void readsEveryFormAndMapsUserIdsDensely() throws IOException {
    List<Activity> events = read(
        "\uFEFFevent,user_id,occurred_at\n"
            + "signup,alice,2026-03-01T10:00:00Z\n"
            + "launch,bob,2026-03-02T10:00\n"
            + "\"launch, web\",alice,2026-03-03\n",
        ZoneId.of("Asia/Shanghai"));

    assertThat(events).containsExactly(
        new Activity(0, Instant.parse("2026-03-01T10:00:00Z"), "signup"),
        new Activity(1, Instant.parse("2026-03-02T02:00:00Z"), "launch"),
        new Activity(0, Instant.parse("2026-03-02T16:00:00Z"), "launch, web"));
    assertThat(users.userId(1)).isEqualTo("bob");
  }

  @Test
  void problemsNameFileLineAndFieldUnderReject() {
    assertThatThrownBy(() -> read("user_id,occurred_at,event\nu1,yesterday,launch\n", ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("events.csv:2: occurred_at: expected a date (2026-03-01)");
    assertThatThrownBy(() -> read("user_id,occurred_at,event\nu1,2026-03-01, \n", ZoneId.of("UTC")))
        .hasMessage("events.csv:2: event: expected a non-empty id, got \" \"");
    assertThatThrownBy(() -> read("user_id,occurred_at,event\nu1,2026-03-01\n", ZoneId.of("UTC")))
        .hasMessage("events.csv:2: row: expected 3 fields as in the header, got 2");
    assertThatThrownBy(() -> read("user,occurred_at,event,user_id,event\n", ZoneId.of("UTC")))
        .hasMessage("events.csv:1: header: unknown column(s) user; repeated column(s) event"
            + " (expected user_id,occurred_at,event[,event_id,value,order_id,plan_id,attributes])");
    assertThatThrownBy(() -> read("", ZoneId.of("UTC")))
        .hasMessage("events.csv:1: header: expected a header user_id,occurred_at,event[,event_id,value,order_id,plan_id,attributes],"
            + " got an empty file");
  }

  /** Every row of {@code csv} with all its columns, read in UTC under REJECT. */
  private List<EventCsvReader.Row> rows(String csv) throws IOException {
    List<EventCsvReader.Row> rows = new ArrayList<>();
    try (EventCsvReader reader = EventCsvReader.of("events.csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ZoneId.of("UTC"), users, BadRecordPolicy.REJECT)) {
      long read = reader.forEachRow(rows::add);
      assertThat(read).isEqualTo(rows.size());
    }
    return rows;
  }

  @Test
  void optionalColumnsAreReadWhereGivenAndTypedOnDemand() throws IOException {
    List<EventCsvReader.Row> rows = rows(
        "value,event,order_id,user_id,event_id,occurred_at\n"
            + "40,redeem,,alice,r1,2026-03-25T10:00:00Z\n"
            + "12.5,refund, o2 ,alice,,2026-03-26T10:00:00Z\n"
            + ",REVIEW,,bob,,2026-03-27T10:00:00Z\n");
    assertThat(rows).hasSize(3);
    EventCsvReader.Row redeem = rows.get(0);
    assertThat(redeem.eventIdOrLine()).isEqualTo("r1");
    assertThat(redeem.integer("points")).isEqualTo(40);
    assertThat(redeem.orderId()).isNull();
    EventCsvReader.Row refund = rows.get(1);
    assertThat(refund.eventIdOrLine()).isEqualTo("line 3");
    assertThat(refund.requireOrderId("the order")).isEqualTo("o2");
    assertThat(refund.amountMinor("the amount", 2)).isEqualTo(1250);
    assertThatThrownBy(() -> refund.integer("points"))
        .hasMessage("expected points (an integer), got \"12.5\"");
    assertThatThrownBy(() -> refund.amountMinor("the amount", 0))
        .hasMessageStartingWith("expected at most 0 fraction digits");
    EventCsvReader.Row review = rows.get(2);
    assertThat(review.activity()).isEqualTo(new Activity(1, Instant.parse("2026-03-27T10:00:00Z"), "REVIEW"));
    assertThat(review.value()).isNull();
    assertThatThrownBy(() -> review.integer("points"))
        .hasMessage("expected points for event \"REVIEW\", got no value");
    assertThatThrownBy(() -> review.requireOrderId("the refunded order"))
        .hasMessage("expected the refunded order for event \"REVIEW\", got no value");
  }

  @Test
  void attributesAreKeyValuePairsReadOnDemand() throws IOException {
    List<EventCsvReader.Row> rows = rows(
        "user_id,occurred_at,event,attributes\n"
            + "alice,2026-03-25T10:00:00Z,paid,\"fingerprint=device:a; tag = app ;fingerprint=card:x=1\"\n"
            + "bob,2026-03-26T10:00:00Z,paid,\n"
            + "carol,2026-03-27T10:00:00Z,paid,fingerprint\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).attributes("fingerprint")).containsExactly("device:a", "card:x=1");
    assertThat(rows.get(0).attributes("tag")).containsExactly("app");
    assertThat(rows.get(0).attributes("other")).isEmpty();
    assertThat(rows.get(1).attributes("fingerprint")).isEmpty();
    assertThatThrownBy(() -> rows.get(2).attributes("tag"))
        .hasMessage("expected key=value pairs separated by ';', got \"fingerprint\"");
    assertThatThrownBy(() -> rows.get(2).valueId("the code"))
        .hasMessage("expected the code for event \"paid\", got no value");
  }

  @Test
  void aValueTheConsumerCannotReadMakesTheRowABadRecord() throws IOException {
    String csv = "user_id,occurred_at,event,value\nu1,2026-03-01,redeem,40\nu1,2026-03-02,redeem,12.5\n"
        + "u2,2026-03-03,redeem,\n";
    Consumer<EventCsvReader.Row> redeem = row -> row.integer("points to redeem");
    try (EventCsvReader reader = EventCsvReader.of("events.csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ZoneId.of("UTC"), users,
        BadRecordPolicy.SKIP_AND_COUNT)) {
      assertThat(reader.forEachRow(redeem)).isEqualTo(3);
      assertThat(reader.diagnostics().skipped()).containsExactly(Map.entry(BadRecordReason.MALFORMED_AMOUNT, 2L));
    }
    assertThatThrownBy(() -> {
      try (EventCsvReader reader = EventCsvReader.of("events.csv",
          new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ZoneId.of("UTC"), users,
          BadRecordPolicy.REJECT)) {
        reader.forEachRow(redeem);
      }
    }).hasMessage("events.csv:3: value: expected points to redeem (an integer), got \"12.5\"");
  }

  @Test
  void aRejectedRecordIsLocatedAtItsLine() {
    Consumer<Activity> reject = a -> {
      throw new BadRecordException(0, BadRecordReason.AFTER_AS_OF, "occurredAt must be <= asOf");
    };
    assertThatThrownBy(() -> read("user_id,occurred_at,event\nu1,2026-03-01,launch\n", ZoneId.of("UTC"), reject))
        .hasMessage("events.csv:2: occurred_at: AFTER_AS_OF: occurredAt must be <= asOf");
  }

  @Test
  void countsRowsAndCannotBeReadTwice() throws IOException {
    EventCsvReader reader = EventCsvReader.of("events.csv", new ByteArrayInputStream(
        "user_id,occurred_at,event\nu,2026-03-01,x\nv,2026-03-02,y\n".getBytes(StandardCharsets.UTF_8)),
        ZoneId.of("UTC"), users, BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(reader.forEach(a -> { })).isEqualTo(2);
    assertThatThrownBy(() -> reader.forEach(a -> { })).isInstanceOf(IllegalStateException.class);
  }
}
