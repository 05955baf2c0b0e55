package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand with bad flag values, bad JSON documents, missing files and directories given as
 * files: each is exit 2 with exactly one line on stderr, and none shows a stack trace or a Java
 * class name.
 */
class BadInputTest {
  /** {@code java.lang.IllegalArgumentException}, {@code dev.userops.core.Foo}, {@code Foo.java:12}. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b([a-z]+\\.){2,}[A-Z]\\w*|\\w+\\.java:\\d+");
  private static final String AS_OF = "--as-of=1998-07-01";

  @TempDir static Path dir;
  private static Path missing;
  private static Path directory;
  private static Path orders;
  private static Path overflowing;
  private static final List<Path> DOCUMENTS = new ArrayList<>();

  @BeforeAll
  static void files() throws IOException {
    missing = dir.resolve("missing.csv");
    directory = Files.createDirectory(dir.resolve("a-directory"));
    orders = Files.writeString(dir.resolve("orders.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "u1,o1,2026-03-01T10:00:00Z,10.00,paid\nu2,o2,2026-03-02T10:00:00Z,5.00,paid\n");
    // Each amount fits a long of minor units; their sum does not.
    overflowing = Files.writeString(dir.resolve("overflowing.csv"), "user_id,order_id,occurred_at,amount,status\n"
        + "u1,o1,2026-03-01T10:00:00Z,92233720368547758.07,paid\nu1,o2,2026-03-02T10:00:00Z,1.00,paid\n");
    String[] documents = {"null", "[]", "\"1\"", "7", "", "{\"version\":\"1\"}", "{\"version\":[1]}", "{\"version\":1",
        "{\"version\": 1, \"x\": \"" + "y".repeat(100_000) + "\"}"};
    for (int i = 0; i < documents.length; i++) {
      DOCUMENTS.add(Files.writeString(dir.resolve("document-" + i + ".json"), documents[i]));
    }
  }

  static Stream<Arguments> badInputs() {
    List<List<String>> cases = new ArrayList<>();
    // Every command that reads orders, with what each needs besides the bad input.
    List<List<String>> orderCommands = List.of(
        List.of("summary"), List.of("rfm", AS_OF), List.of("repurchase", AS_OF),
        List.of("retention"), List.of("active", "--from=1998-01-01", "--to=1998-01-31"),
        List.of("points-sim", AS_OF), List.of("report", "--out=" + dir.resolve("report")));
    List<List<String>> orderInputs = List.of(
        List.of("--orders", missing.toString()), List.of("--orders", directory.toString()),
        List.of("--cdnow", directory.toString()), List.of("--zone", "Mars/Olympus"),
        List.of("--bad-records", "ignore"), List.of("--fraction-digits", "19", "--orders", orders.toString()),
        List.of("--fraction-digits", "two"), List.of("--no-such-flag"), List.of("--as-of", "soon"),
        List.of("--as-of", "1969-01-01"), List.of("--as-of", "0001-01-01"), List.of("--as-of", "9999-12-31"),
        List.of("--as-of", "-999999999-01-01"), List.of("--as-of", "+999999999-12-31"),
        List.of("--as-of", "2026-02-30"), List.of("--as-of", "x".repeat(10_000)));
    for (List<String> command : orderCommands) {
      for (List<String> input : orderInputs) {
        // A bad --as-of replaces the command's good one: picocli takes an option once.
        List<String> base = input.contains("--as-of") ? command.stream().filter(a -> !a.equals(AS_OF)).toList() : command;
        cases.add(concat(base, input));
      }
    }
    for (String command : List.of("retention", "active", "points-sim", "push-sim", "referral-sim", "report")) {
      List<String> base = switch (command) {
        case "active" -> List.of(command, "--from=1998-01-01", "--to=1998-01-31");
        case "points-sim" -> List.of(command, AS_OF);
        default -> List.of(command);
      };
      cases.add(concat(base, List.of("--events", missing.toString())));
      cases.add(concat(base, List.of("--events", directory.toString())));
    }
    for (Path document : DOCUMENTS) {
      cases.add(List.of("points-sim", AS_OF, "--program", document.toString()));
      cases.add(List.of("points-sim", AS_OF, "--levels", document.toString()));
      cases.add(List.of("push-sim", "--policy", document.toString()));
      cases.add(List.of("push-sim", "--plan", document.toString()));
      cases.add(List.of("referral-sim", "--program", document.toString()));
      cases.add(List.of("tags", "--profiles", orders.toString(), "--catalog", document.toString()));
      cases.add(List.of("retention", "--spec", document.toString()));
    }
    for (List<String> command : List.of(List.of("summary"), List.of("rfm", "--as-of=2026-04-01"),
        List.of("points-sim", "--as-of=2026-04-01"), List.of("report", "--out=" + dir.resolve("report")))) {
      cases.add(concat(command, List.of("--orders", overflowing.toString())));
    }
    cases.add(List.of("points-sim", AS_OF, "--program", directory.toString()));
    cases.add(List.of("points-sim", AS_OF, "--program", missing.toString()));
    cases.add(List.of("tags", "--profiles", directory.toString(), "--catalog", orders.toString()));
    cases.add(List.of("tags", "--profiles", missing.toString()));
    cases.add(List.of("retention", "--granularity", "fortnight"));
    cases.add(List.of("retention", "--cohort-mode", "sometimes"));
    cases.add(List.of("retention", "--return-mode", "never"));
    cases.add(List.of("retention", "--window", "sliding"));
    cases.add(List.of("retention", "--week-start", "caturday"));
    cases.add(List.of("retention", "--intervals", "99"));
    cases.add(List.of("retention", "--cohort", "recurring"));
    cases.add(List.of("retention", "--from", "2026-02-30"));
    cases.add(List.of("repurchase", AS_OF, "--cohort-period", "fortnight"));
    cases.add(List.of("repurchase", AS_OF, "--window-days", "0"));
    cases.add(List.of("rfm", AS_OF, "--scoring", "decile"));
    cases.add(List.of("rfm", AS_OF, "--segments", "x".repeat(5000)));
    cases.add(List.of("active", "--from", "1998-02-01", "--to", "1998-01-01"));
    cases.add(List.of("active", "--from", "1998-01-01"));
    cases.add(List.of("points-sim", AS_OF, "--top", "many"));
    cases.add(List.of("referral-sim", "--as-of", "soon"));
    cases.add(List.of("referral-sim", "--events", orders.toString()));
    cases.add(List.of("no-such-command"));
    cases.add(List.of());
    return cases.stream().map(args -> Arguments.of("userops " + String.join(" ", shorten(args)), args));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isExit2WithOneLineAndNoJavaInIt(String name, List<String> args) {
    Run run = run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(UserOpsCommand.EXIT_BAD_INPUT);
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    String line = run.err().strip();
    assertThat(line).startsWith("userops: ").hasSizeLessThan(520)
        .doesNotContain("Exception", "at dev.", "at java.", "\tat ");
    assertThat(CLASS_NAME.matcher(line).find()).as(line).isFalse();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> shorten(List<String> args) {
    return args.stream().map(a -> a.replace(dir.toString(), "").replaceAll("(.{40}).+", "$1...")).toList();
  }
}
