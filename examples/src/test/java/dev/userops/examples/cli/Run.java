package dev.userops.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

  /** A bundled example document, e.g. {@code "points/program.json"}, as text: a test's start for a bad one. */
  static String example(String resource) throws IOException {
    try (InputStream in = UserOpsCommand.class.getResourceAsStream("/dev/userops/examples/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
