package dev.userops.examples.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.BadRecords;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads user profiles from JSON Lines: one JSON object per non-blank line, with a {@code userId}
 * (string or integer). A line that is malformed, over the {@link UserOpsJson} limits, not an object
 * or without a userId is a {@link BadRecordReason#MALFORMED_RECORD}, handled by the policy.
 */
public final class TagsProfileReader {
  private static final ObjectReader JSON = UserOpsJson.mapper().readerFor(JsonNode.class);

  /** Receives the profiles read. */
  public interface Visitor {
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
   * Reads every profile of {@code lines} into {@code visitor}.
   *
   * @param source the input's name in messages
   * @throws InputException for a bad line under {@link BadRecordPolicy#REJECT}
   */
  public static Result read(String source, BufferedReader lines, BadRecordPolicy policy, Visitor visitor) throws IOException {
    BadRecords badRecords = new BadRecords(policy);
    long records = 0;
    long lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      long record = records++;
      String problem = null;
      JsonNode profile = null;
      try {
        profile = JSON.readValue(line);
        if (!profile.isObject()) {
          problem = "expected a JSON object, got " + profile.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        } else if (!(profile.path("userId").isTextual() || profile.path("userId").isIntegralNumber())) {
          problem = "userId: expected a string or integer, got " + (profile.has("userId") ? profile.get("userId") : "nothing");
        }
      } catch (JsonProcessingException e) {
        problem = UserOpsJson.toConfigException(e).getMessage();
      }
      if (problem == null) {
        visitor.profile(profile.get("userId").asText(), profile);
      } else {
        try {
          badRecords.report(record, BadRecordReason.MALFORMED_RECORD, problem);
        } catch (BadRecordException e) {
          throw new InputException(source, lineNumber, "row", problem, e);
        }
      }
    }
    return new Result(records, badRecords.diagnostics());
  }
}
