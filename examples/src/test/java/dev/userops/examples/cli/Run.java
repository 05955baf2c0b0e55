package dev.userops.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * One run of the {@code userops} command line as {@link UserOpsCommand#main} runs it, minus the
 * exit: what every command test needs.
 */
record Run(int exitCode, String out, String err) {

  /** {@code args} followed by {@code more}: a test's fixed arguments and a case's own. */
  static String[] args(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** Runs {@code userops args...} by the machine's clock, capturing stdout and stderr. */
  static Run run(String... args) {
    return runAt(Clock.systemUTC(), args);
  }

  /** Runs {@code userops args...} with {@code clock} as the machine's clock. */
  static Run runAt(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = UserOpsCommand.commandLine(clock);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Run(commandLine.execute(args), out.toString(), err.toString());
  }

  /** The run's stdout as JSON, after checking it exited 0 (stderr is the failure's description). */
  static JsonNode json(Run run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** The run's stderr, after checking it exited 2: bad input or a usage error. */
  static String error(Run run) {
    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    return run.err();
  }

  /**
   * A bundled example document, e.g. {@code "points/program.json"}, with {@code target} replaced,
   * written under its file name in {@code dir}: a bad document that differs from a good one in one
   * place.
   */
  static Path editedExample(Path dir, String resource, String target, String replacement) throws IOException {
    String example;
    try (InputStream in = UserOpsCommand.class.getResourceAsStream("/dev/userops/examples/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Without the target, the "bad" document would be the good one.
    assertThat(example).as(resource).contains(target);
    return Files.writeString(dir.resolve(Path.of(resource).getFileName()), example.replace(target, replacement));
  }

  /** The element of a JSON array whose {@code field} is {@code value}, e.g. a user by its id. */
  static JsonNode element(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (element.get(field).asText().equals(value)) {
        return element;
      }
    }
    throw new AssertionError("no element with " + field + " " + value + " in " + array);
  }
}
