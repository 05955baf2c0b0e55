package dev.userops.examples.cli;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.internal.BadRecords;
import dev.userops.examples.input.EventCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The read, screen and replay loop of the commands that replay an events CSV ({@code points-sim},
 * {@code membership-sim}, {@code referral-sim}, {@code push-sim}): each row the reader reads is
 * screened like an order's time (before 1970 or after the bound: a bad record, {@code BEFORE_1970}
 * or {@code AFTER_AS_OF}) and the rows that pass go to the command. A row the command cannot make
 * its event of ({@link EventCsvReader.Row#malformedValue}, an unknown event) is a bad record by
 * the reader's rules.
 */
final class EventReplay {
  private EventReplay() {}

  /**
   * What a replay read.
   *
   * @param records data rows read, bad ones included
   * @param diagnostics the rows the reader and the time screen skipped, by reason
   * @param last the time of the latest row replayed, or {@code null} if none was
   * @param afterBound rows read whose time is after the bound (counted, under {@code skip}, as
   *     {@code AFTER_AS_OF} too)
   */
  record Result(long records, Diagnostics diagnostics, Instant last, long afterBound) {}

  /**
   * Replays the events file: screens each row's time, then passes the row to {@code replay}.
   *
   * @param boundMillis rows after this instant, epoch milliseconds, are bad records
   * @param replay makes the row the command's event and applies it; it runs only for rows within
   *     the bound, so a late row is {@code AFTER_AS_OF} whatever else it has
   * @throws dev.userops.examples.input.InputException for a file that cannot be read on, or a bad
   *     record rejected by {@code policy}
   */
  static Result replay(String source, InputStream in, ZoneId zone, UserIdDictionary users, BadRecordPolicy policy,
      long boundMillis, Consumer<EventCsvReader.Row> replay) throws IOException {
    return replay(source, in, zone, users, policy, boundMillis, row -> row, (row, same) -> replay.accept(row));
  }

  /**
   * Replays the events file like {@link #replay(String, InputStream, ZoneId, UserIdDictionary,
   * BadRecordPolicy, long, Consumer)}, making each row's event before its time is screened: a row
   * that is no event is a malformed record even after the bound.
   *
   * @param event the row's event; throws for a bad record
   * @param replay applies a row's event, for rows within the bound
   */
  static <E> Result replay(String source, InputStream in, ZoneId zone, UserIdDictionary users, BadRecordPolicy policy,
      long boundMillis, Function<EventCsvReader.Row, E> event, BiConsumer<EventCsvReader.Row, E> replay)
      throws IOException {
    BadRecords screen = new BadRecords(policy);
    // Indexes the rows that reach the screen, in file order.
    long[] index = {0};
    long[] last = {Long.MIN_VALUE};
    long[] afterBound = {0};
    try (EventCsvReader reader = EventCsvReader.of(source, in, zone, users, policy)) {
      long records = reader.forEachRow(row -> {
        E made = event.apply(row);
        long at = row.activity().occurredAt().toEpochMilli();
        afterBound[0] += at > boundMillis ? 1 : 0;
        if (screen.acceptTime(index[0]++, at, boundMillis)) {
          replay.accept(row, made);
          last[0] = Math.max(last[0], at);
        }
      });
      return new Result(records, reader.diagnostics().plus(screen.diagnostics()),
          last[0] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last[0]), afterBound[0]);
    }
  }
}
