package dev.userops.incentives.support;

import dev.userops.core.ConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes the JSON path of a configuration error: records validate in their constructors, which
 * know their field (and a program its list indexes) but not where they sit in the document, so
 * their messages start with that field, e.g. {@code priceMinor: must be >= 0, got -1}. Not exported.
 */
public final class ConfigPaths {
  private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*): (.*)$", Pattern.DOTALL);

  private ConfigPaths() {}

  /**
   * Moves a field named at the start of the problem into the path.
   *
   * @param e an error as the JSON reader reports it
   * @return {@code e} with the leading field appended to its path, or {@code e} itself when the
   *     problem names no field
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
