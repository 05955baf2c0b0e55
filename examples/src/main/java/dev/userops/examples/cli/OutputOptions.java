package dev.userops.examples.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The output option every computing command shares, {@code --json}, and the one place that writes
 * a result: its JSON form with {@code --json}, otherwise the text tables, to the command's output.
 */
final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = "--json", description = "Write JSON instead of text tables.")
  private boolean json;

  /**
   * Writes the result to the command's standard output and flushes it.
   *
   * @param jsonForm the JSON document, computed only with {@code --json}
   * @param tables writes the text tables, called only without {@code --json}
   * @return the exit code of success, 0
   */
  int print(Supplier<String> jsonForm, Consumer<PrintWriter> tables) {
    PrintWriter out = command.commandLine().getOut();
    if (json) {
      out.println(jsonForm.get());
    } else {
      tables.accept(out);
    }
    out.flush();
    return 0;
  }
}
