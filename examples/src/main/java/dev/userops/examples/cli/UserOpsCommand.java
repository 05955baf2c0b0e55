package dev.userops.examples.cli;

import dev.userops.core.ConfigException;
import dev.userops.examples.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code userops} command: reports over an order file, or over the bundled CDNOW data when no
 * file is given. Exit codes: 0 success, 2 bad usage or bad input (one line on stderr naming file,
 * line and field), 1 an unexpected failure (with a stack trace: a bug).
 *
 * <p>A new report is a class with {@code @Command}, {@code mixinStandardHelpOptions = true} and an
 * {@code @Mixin InputOptions}, listed in {@code subcommands} below.
 */
@Command(
    name = "userops",
    mixinStandardHelpOptions = true,
    versionProvider = UserOpsCommand.Version.class,
    description = "User-operations reports over an order file (CSV or CDNOW format).",
    subcommands = {ReportCommand.class, SummaryCommand.class, RepurchaseCommand.class, RfmCommand.class, TagsCommand.class, PointsSimCommand.class, PushSimCommand.class, RetentionCommand.class, ActiveCommand.class, CommandLine.HelpCommand.class})
public final class UserOpsCommand implements Callable<Integer> {
  /** Bad usage or bad input. */
  static final int EXIT_BAD_INPUT = 2;

  @Spec CommandSpec spec;

  UserOpsCommand() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: tests run it like {@link #main} does, minus the exit. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new UserOpsCommand());
    commandLine.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          String message = badInputMessage(e);
          if (message == null) {
            throw e;
          }
          command.getErr().println("userops: " + message);
          return EXIT_BAD_INPUT;
        });
    // One line and a pointer to help, rather than the full usage after every typo.
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          command.getErr().println("userops: " + e.getMessage());
          command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
          return EXIT_BAD_INPUT;
        });
    return commandLine;
  }

  /** The one-line message for an input problem, or {@code null} if {@code e} is a bug. */
  private static String badInputMessage(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof InputException) {
      return cause.getMessage();
    } else if (cause instanceof ConfigException) {
      // Commands prefix the file where they know it; this keeps any other one from exiting 1.
      return "invalid configuration: " + cause.getMessage();
    } else if (cause instanceof NoSuchFileException) {
      return ((NoSuchFileException) cause).getFile() + ": no such file";
    } else if (cause instanceof AccessDeniedException) {
      return ((AccessDeniedException) cause).getFile() + ": access denied";
    } else if (cause instanceof IOException) {
      return "cannot read input: " + cause.getMessage();
    }
    return null;
  }

  /** Without a subcommand, says which exist. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_BAD_INPUT;
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = UserOpsCommand.class.getPackage().getImplementationVersion();
      return new String[] {"userops " + (version == null ? "development" : version)};
    }
  }
}
