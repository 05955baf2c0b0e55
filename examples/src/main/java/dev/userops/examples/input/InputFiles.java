package dev.userops.examples.input;

import dev.userops.core.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one way a command opens a file the user named or, when none is named, the bundled example of
 * the same kind: {@code dev/userops/examples/<resource>} on the class path.
 */
public final class InputFiles {
  private static final String BUNDLED = "/dev/userops/examples/";

  private InputFiles() {}

  /**
   * The name of the input for messages and reports.
   *
   * @param file the file the user named, or {@code null}
   * @param resource the bundled example's path under {@code dev/userops/examples/}, e.g. {@code
   *     push/plan.json}
   * @return the file as typed, or the resource's file name and {@code " (bundled)"}
   */
  public static String name(Path file, String resource) {
    return file == null ? resource.substring(resource.lastIndexOf('/') + 1) + " (bundled)" : file.toString();
  }

  /**
   * Opens {@code file}, or the bundled {@code resource} when {@code file} is {@code null}.
   *
   * @return a stream the caller closes
   * @throws IOException if the file cannot be opened
   */
  public static InputStream open(Path file, String resource) throws IOException {
    if (file != null && Files.isDirectory(file)) {
      // Opening a directory succeeds and the first read fails without naming it.
      throw new FileSystemException(file.toString(), null, "a directory, expected a file");
    } else if (file != null) {
      return Files.newInputStream(file);
    }
    InputStream in = InputFiles.class.getResourceAsStream(BUNDLED + resource);
    if (in == null) {
      throw new IllegalStateException("bundled resource missing: " + BUNDLED + resource);
    }
    return in;
  }

  /**
   * Reads and parses a JSON configuration document: {@code file}, or the bundled {@code resource}.
   * The text is strict UTF-8 with an optional BOM.
   *
   * @param resource the bundled example, or {@code null} if there is none and {@code file} is given
   * @param parse the document's {@code fromJson}; its {@link ConfigException} names the JSON path
   * @return the parsed document
   * @throws InputException naming the file for malformed UTF-8 or a {@link ConfigException}
   * @throws IOException if the file cannot be read
   */
  public static <T> T config(Path file, String resource, Function<String, T> parse) throws IOException {
    String name = name(file, resource);
    byte[] bytes;
    try (InputStream in = open(file, resource)) {
      bytes = in.readAllBytes();
    }
    try {
      return parse.apply(Utf8Input.decodeDocument(name, bytes));
    } catch (ConfigException e) {
      throw InputException.of(name, e.getMessage(), e);
    }
  }
}
