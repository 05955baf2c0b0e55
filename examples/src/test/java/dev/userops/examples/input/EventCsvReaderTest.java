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
            + " (expected user_id,occurred_at,event)");
    assertThatThrownBy(() -> read("", ZoneId.of("UTC")))
        .hasMessage("events.csv:1: header: expected a header user_id,occurred_at,event, got an empty file");
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
