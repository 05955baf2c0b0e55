package dev.userops.incentives.support;

import dev.userops.core.ConfigException;
import dev.userops.core.internal.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads documents whose records validate in their constructors with messages that start with the
 * offending field ({@code "valueMinor: expected >= 0, got -1"}): the field joins the JSON path
 * Jackson knows, so the {@link ConfigException} names the full path of the bad value. Not exported.
 */
public final class ConfigPaths {
  private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*): (.*)$", Pattern.DOTALL);

  private ConfigPaths() {}

  /**
   * Reads {@code json} as {@code type}, with paths {@linkplain #refined refined}.
   *
   * @param <T> the type read
   * @param json one JSON document
   * @param type the record to read
   * @return the value read
   * @throws ConfigException naming the full JSON path of the offending value
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return Json.read(json, type);
    } catch (ConfigException e) {
      throw refined(e);
    }
  }

  /**
   * Moves a field named at the start of a validation message into the path: records validate in
   * their constructors, which know their field but not where they sit in the document.
   *
   * @param e a reading failure
   * @return {@code e} with the field moved into the path, or {@code e} itself when its problem does
   *     not start with a field
   */
  public static ConfigException refined(ConfigException e) {
    Matcher m = FIELD_PREFIX.matcher(e.problem());
    if (!m.matches()) {
      return e;
    }
    String path = e.path().isEmpty() ? m.group(1) : e.path() + "." + m.group(1);
    return new ConfigException(path, m.group(2), e);
  }
}
