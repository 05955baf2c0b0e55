package dev.userops.examples.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Fields;
import dev.userops.core.internal.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads user profiles from JSON Lines: one JSON object per non-blank line, with a {@code userId}
 * (string or integer), by the rules of every reader ({@link OrderReader}). The input is strict
 * UTF-8 with an optional BOM; a line that is not UTF-8 is {@link
 * BadRecordReason#MALFORMED_ENCODING}. A string {@code userId} is trimmed; one that is empty after
 * trimming is {@link BadRecordReason#EMPTY_ID}. A line that is malformed JSON, over the {@link
 * UserOpsJson} limits, not an object or without a userId is {@link
 * BadRecordReason#MALFORMED_RECORD}. Bad lines are handled by the policy: skipped and counted, or
 * an {@link InputException} naming the line.
 */
public final class TagsProfileReader {
  private static final ObjectReader JSON = UserOpsJson.mapper().readerFor(JsonNode.class);
  private static final String USER_ID = "userId";

  /** Receives the profiles read. */
  public interface Visitor {
    /**
     * One profile.
     *
     * @param userId the profile's user id, trimmed
     * @param profile the whole line's object
     */
    void profile(String userId, JsonNode profile);
  }

  /**
   * What reading found besides the profiles.
   *
   * @param records non-blank lines read, including bad ones
   * @param diagnostics lines skipped, by reason
   */
  public record Result(long records, Diagnostics diagnostics) {}

  private TagsProfileReader() {}

  /**
   * Reads every profile of {@code in} into {@code visitor}.
   *
   * @param source the input's name in messages
   * @param in read to its end; the caller closes it
   * @throws InputException for a bad line under {@link BadRecordPolicy#REJECT}
   */
  public static Result read(String source, InputStream in, BadRecordPolicy policy, Visitor visitor) throws IOException {
    RowScreen screen = new RowScreen(source, policy);
    BufferedReader lines = Utf8Input.latin1Lines(in);
    long records = screen.forEachLine(lines, 0, (line, latin1) -> {
      String text = Utf8.decode(latin1);
      if (text == null) {
        throw new MalformedField("row", BadRecordReason.MALFORMED_ENCODING, Utf8.malformed(latin1));
      }
      JsonNode profile = profile(text);
      visitor.profile(userId(profile.get(USER_ID)), profile);
    });
    return new Result(records, screen.diagnostics());
  }

  private static JsonNode profile(String line) {
    JsonNode profile;
    try {
      profile = JSON.readValue(line);
    } catch (JsonProcessingException e) {
      throw new MalformedField("row", BadRecordReason.MALFORMED_RECORD, UserOpsJson.toConfigException(e).getMessage());
    }
    if (!profile.isObject()) {
      throw new MalformedField("row", BadRecordReason.MALFORMED_RECORD,
          "expected a JSON object, got " + profile.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return profile;
  }

  private static String userId(JsonNode userId) {
    if (userId != null && userId.isIntegralNumber()) {
      return userId.asText();
    }
    if (userId == null || !userId.isTextual()) {
      throw new MalformedField(USER_ID, BadRecordReason.MALFORMED_RECORD, "expected a string or integer, got "
          + (userId == null ? "nothing" : Fields.quote(userId.toString())));
    }
    try {
      return Fields.id(userId.asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedField(USER_ID, BadRecordReason.EMPTY_ID, e.getMessage());
    }
  }
}
