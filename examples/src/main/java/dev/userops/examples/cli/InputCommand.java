package dev.userops.examples.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that computes over the input {@link InputOptions} names and prints its result as {@link
 * OutputOptions} asks: the help options, the input and output options and the command's spec that
 * every such report shares. Picocli reads this {@code @Command} and these fields in each subclass.
 */
@Command(mixinStandardHelpOptions = true)
abstract class InputCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  /**
   * Makes a value from the options, such as a spec, turning the rejection of a bad combination into
   * a usage error: one line naming what was wrong, exit code 2.
   *
   * @param context what the message is about, put before it (e.g. {@code "--as-of"}), or null
   * @param make builds the value; throws {@link IllegalArgumentException} or {@link
   *     IllegalStateException} for options it rejects
   * @return the value made
   * @throws ParameterException with the rejection's message
   */
  <T> T fromOptions(String context, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(
          spec.commandLine(), context == null ? e.getMessage() : context + ": " + e.getMessage(), e);
    }
  }
}
