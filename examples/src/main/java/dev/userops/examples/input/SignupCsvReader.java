package dev.userops.examples.input;

import static dev.userops.examples.input.Columns.CHANNEL;
import static dev.userops.examples.input.Columns.OCCURRED_AT;
import static dev.userops.examples.input.Columns.USER_ID;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads sign-ups: a CSV ({@link CsvTable}) with the columns {@code user_id, occurred_at} and
 * optionally {@code channel}, the user's acquisition channel (empty or missing: none). Times and ids
 * follow the rules of every reader ({@link OrderReader}); a row that cannot be read is a bad record,
 * skipped and counted or ending the run as the policy says.
 */
public final class SignupCsvReader {
  private static final List<String> REQUIRED = List.of(USER_ID, OCCURRED_AT);

  /** Receives each sign-up read. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * One sign-up.
     *
     * @param userId the user's dense id in the dictionary passed to {@link #read}
     * @param at when the user signed up
     * @param channel the acquisition channel, trimmed; {@code null} if empty or not given
     */
    void signup(long userId, Instant at, String channel);
  }

  /**
   * What reading found besides the sign-ups.
   *
   * @param records data rows read, bad ones included
   * @param diagnostics rows skipped, by reason
   */
  public record Result(long records, Diagnostics diagnostics) {}

  private SignupCsvReader() {}

  /**
   * Reads every sign-up of {@code in} into {@code visitor}.
   *
   * @param source the input's name in messages
   * @param in read to its end; the caller closes it
   * @param zone the zone of times without an offset
   * @param users maps user ids, shared with the orders so that both name one user alike
   * @param policy what to do with a row that cannot be read
   * @return the rows read and skipped
   * @throws InputException for a bad header, or a bad row under {@link BadRecordPolicy#REJECT}
   */
  public static Result read(String source, InputStream in, ZoneId zone, UserIdDictionary users,
      BadRecordPolicy policy, Visitor visitor) throws IOException {
    RowScreen screen = new RowScreen(source, policy);
    long records = CsvTable.read(in, REQUIRED, List.of(CHANNEL), screen, row -> {
      CharSequence user = row.idChars(USER_ID);
      Instant at = row.timestamp(OCCURRED_AT, zone);
      String channel = row.text(CHANNEL);
      channel = channel == null || channel.isBlank() ? null : channel.strip();
      // The user is added only once the row is known to be good.
      visitor.signup(users.indexOf(user), at, channel);
    });
    return new Result(records, screen.diagnostics());
  }
}
