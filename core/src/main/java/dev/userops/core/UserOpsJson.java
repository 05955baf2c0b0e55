package dev.userops.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userops.core.internal.Json;

/**
 * The JSON conventions of every UserOps configuration and state document: unknown fields are
 * rejected, numbers are not coerced from strings or floats, there is no polymorphic default typing,
 * {@code java.time} values are ISO-8601 strings, and documents are bounded ({@value
 * #MAX_NESTING_DEPTH} levels, {@value #MAX_DOCUMENT_BYTES} bytes, {@value #MAX_STRING_LENGTH}
 * characters per string). Every reading failure becomes a {@link ConfigException} carrying the JSON
 * path. Each document type reads and writes itself ({@code fromJson}, {@code toJson}); this class is
 * for hosts that embed UserOps documents in their own JSON.
 */
public final class UserOpsJson {
  /** Deepest nesting of objects and arrays accepted. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Largest document accepted, in bytes (or chars for string input). */
  public static final long MAX_DOCUMENT_BYTES = 16L << 20;
  /** Longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private UserOpsJson() {}

  /**
   * A new mapper with the UserOps conventions, for hosts that embed UserOps documents in their own
   * JSON. Each call returns an independent copy, so configuring it does not affect the library.
   *
   * @return a new mapper; translate its reading failures with {@link #toConfigException}
   */
  public static ObjectMapper mapper() {
    return Json.mapper();
  }

  /**
   * Translates a Jackson reading failure into a {@link ConfigException} with the JSON path, for
   * hosts reading UserOps documents with their own {@link #mapper()}.
   *
   * @param e the failure thrown by a Jackson read
   * @return an exception to throw, with {@code e} as its cause; its path is empty for problems
   *     of the document as a whole, such as malformed JSON
   * @throws NullPointerException if {@code e} is null
   */
  public static ConfigException toConfigException(JsonProcessingException e) {
    return Json.toConfigException(e);
  }
}
