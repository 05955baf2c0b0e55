package dev.userops.examples.input;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.points.PointsEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code --events} file of {@code points-sim}: CSV with the header {@value #HEADER}, one
 * event per row. {@code kind} and {@code value}:
 *
 * <ul>
 *   <li>{@code behaviour}: a behaviour name (REVIEW, REVIEW_WITH_PHOTOS, SHARE, LIKE_RECEIVED,
 *       SHARE_RECEIVED, INVITATION_ACCEPTED, CHECK_IN or a name of the program's own, e.g. BIRTHDAY)
 *   <li>{@code redeem}: points to spend
 *   <li>{@code adjust}: signed points, a manual correction
 *   <li>{@code refund}: {@code ORDER_ID:AMOUNT_MINOR}, money returned against an order
 * </ul>
 *
 * {@code occurred_at} is read like the order file's (a local time in {@code --zone}, or an instant).
 */
public final class PointsEventsFile {
  public static final String HEADER = "user_id,event_id,occurred_at,kind,value";

  private PointsEventsFile() {}

  /** One row: the user, and the points and level events it makes ({@code level} may be null). */
  public record Row(String userId, PointsEvent points, LevelEvent level) {}

  /** Gives each row to {@code sink}; a bad row is an {@link IllegalArgumentException} naming the line. */
  public static void read(Path file, ZoneId zone, java.util.function.Consumer<Row> sink) throws IOException {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      boolean header = true;
      for (CsvRecord record : csv) {
        List<String> fields = record.getFields();
        if (header) {
          if (!String.join(",", fields).equals(HEADER)) {
            throw new IllegalArgumentException(file + ":1: expected the header " + HEADER + ", got " + String.join(",", fields));
          }
          header = false;
          continue;
        }
        try {
          if (fields.size() != 5) {
            throw new IllegalArgumentException("expected 5 fields, got " + fields.size());
          }
          sink.accept(row(fields, zone));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + record.getStartingLineNumber() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static long integer(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value: expected an integer, got \"" + text + "\"", e);
    }
  }

  private static Row row(List<String> fields, ZoneId zone) {
    String user = fields.get(0).strip();
    String id = fields.get(1).strip();
    Instant at = Timestamps.parse(fields.get(2).strip(), zone);
    String value = fields.get(4).strip();
    return switch (fields.get(3).strip().toLowerCase(Locale.ROOT)) {
      case "behaviour" -> {
        BehaviourDone behaviour = new BehaviourDone(id, at, value, null);
        yield new Row(user, behaviour, behaviour);
      }
      case "redeem" -> new Row(user, new PointsEvent.Redemption(id, at, integer(value)), null);
      case "adjust" -> new Row(user, new PointsEvent.Adjustment(id, at, integer(value), "events file"), null);
      case "refund" -> {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("refund value must be ORDER_ID:AMOUNT_MINOR, got \"" + value + "\"");
        }
        yield new Row(user, new PointsEvent.OrderRefund(id, value.substring(0, colon), at,
            integer(value.substring(colon + 1))), null);
      }
      default -> throw new IllegalArgumentException(
          "kind must be behaviour, redeem, adjust or refund, got \"" + fields.get(3) + "\"");
    };
  }
}
