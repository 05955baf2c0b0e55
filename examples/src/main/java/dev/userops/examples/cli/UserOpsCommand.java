package dev.userops.examples.cli;

import dev.userops.examples.report.AsOfRule;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.examples.input.InputException;
import dev.userops.retention.cohort.CohortMode;
import dev.userops.retention.cohort.ReturnMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code userops} command: reports over an order file, or over the bundled CDNOW data when no
 * file is given. Exit codes: 0 success, 2 bad usage or bad input (one line on stderr naming file,
 * line, field and value, or flag and value), 1 an unexpected failure (a bug: one line, and the stack
 * trace with the environment variable {@value #DEBUG} set).
 *
 * <p>A new report is a subclass of {@link InputCommand} with a {@code @Command} naming and
 * describing it, listed in {@code subcommands} below, with the enumerations its options take in
 * {@link #CHOICES}.
 */
@Command(
    name = "userops",
    mixinStandardHelpOptions = true,
    versionProvider = UserOpsCommand.Version.class,
    description = "User-operations reports over an order file (CSV or CDNOW format).",
    subcommands = {ReportCommand.class, SummaryCommand.class, ClvCommand.class, ChannelsCommand.class, RepurchaseCommand.class, RfmCommand.class, TagsCommand.class, PointsSimCommand.class, DrawSimCommand.class, MembershipSimCommand.class, OffersCommand.class, PushSimCommand.class, ReferralSimCommand.class, RetentionCommand.class, ActiveCommand.class, CommandLine.HelpCommand.class})
public final class UserOpsCommand implements Callable<Integer> {
  /** Bad usage or bad input. */
  static final int EXIT_BAD_INPUT = 2;
  /** A bug. */
  static final int EXIT_BUG = 1;
  /** Set (to anything) to get the stack trace of a bug. */
  static final String DEBUG = "USEROPS_DEBUG";
  /** Characters of an error line: the message of a bad 10 MB field must still fit a terminal line. */
  private static final int MAX_ERROR_CHARS = 400;
  /** The one file option that is written, not read. */
  private static final String OUT = "--out";
  /** The enumerations of options: values in any case, {@code -} for {@code _}, e.g. {@code on-or-after}. */
  private static final List<Class<? extends Enum<?>>> CHOICES = List.of(Granularity.class, DayOfWeek.class,
      CohortMode.class, ReturnMode.class, WindowMode.class, RfmCommand.Scoring.class, RfmCommand.Segments.class,
      ClvCommand.Model.class);

  @Spec CommandSpec spec;

  private final Clock clock;

  private UserOpsCommand(Clock clock) {
    this.clock = clock;
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(Clock.systemUTC()).execute(args));
  }

  /**
   * The configured command line: tests run it like {@link #main} does, minus the exit.
   *
   * @param clock the clock of {@link AsOfRule}, the only one a command reads
   */
  static CommandLine commandLine(Clock clock) {
    CommandLine commandLine = new CommandLine(new UserOpsCommand(clock));
    // CHOICES also map "-" to "_"; this covers an enumeration not listed there yet.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    for (Class<? extends Enum<?>> type : CHOICES) {
      register(commandLine, type);
    }
    // java.time's own messages name exception classes.
    commandLine.registerConverter(ZoneId.class, value -> parse(value, ZoneId::of, "a time zone id like UTC or Asia/Shanghai"));
    commandLine.registerConverter(LocalDate.class, value -> parse(value, LocalDate::parse, "a date like 2026-03-01"));
    commandLine.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          String message = badInputMessage(e);
          if (message != null) {
            command.getErr().println("userops: " + oneLine(message));
            return EXIT_BAD_INPUT;
          }
          if (System.getenv(DEBUG) != null) {
            e.printStackTrace(command.getErr());
          } else {
            command.getErr().println("userops: internal error (a bug; set " + DEBUG + "=1 for the stack trace)");
          }
          return EXIT_BUG;
        });
    commandLine.setExecutionStrategy(parseResult -> {
      ParseResult command = lastSubcommand(parseResult);
      if (!command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
        requireInputFiles(command);
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    // One line that names the flag and the value, rather than the full usage after every typo.
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          command.getErr().println("userops: " + oneLine(e.getMessage())
              + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
          return EXIT_BAD_INPUT;
        });
    return commandLine;
  }

  private static <E extends Enum<E>> void register(CommandLine commandLine, Class<? extends Enum<?>> type) {
    @SuppressWarnings("unchecked")
    Class<E> enumType = (Class<E>) type;
    commandLine.registerConverter(enumType, value -> choice(enumType, value));
  }

  /**
   * {@code value} as a constant of {@code type}, in any case and with {@code -} for {@code _}:
   * {@code on-or-after}, {@code ON_OR_AFTER} and {@code On-Or-After} are one value.
   *
   * @throws TypeConversionException listing the values as users type them
   */
  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(UserOpsCommand::choiceName).toList();
    throw new TypeConversionException("expected " + String.join(", ", names.subList(0, names.size() - 1))
        + " or " + names.get(names.size() - 1) + ", got \"" + value + "\"");
  }

  private static <T> T parse(String value, Function<String, T> parser, String expected) {
    try {
      return parser.apply(value);
    } catch (DateTimeException e) {
      throw new TypeConversionException("expected " + expected + ", got \"" + value + "\"");
    }
  }

  /** A constant as users type it: {@code R_COMPATIBLE} is {@code r-compatible}. */
  static String choiceName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static ParseResult lastSubcommand(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    return last;
  }

  /**
   * Checks that every file option names a readable regular file before the command opens it, so
   * that the message names the flag: every {@link Path} option is an input, except {@value #OUT}.
   */
  private static void requireInputFiles(ParseResult parseResult) {
    for (OptionSpec option : parseResult.matchedOptions()) {
      if (option.type() != Path.class || option.longestName().equals(OUT)) {
        continue;
      }
      Path file = option.getValue();
      String problem = !Files.exists(file) ? "no such file"
          : Files.isDirectory(file) ? "a directory, expected a file"
          : !Files.isReadable(file) ? "not readable" : null;
      if (problem != null) {
        throw new ParameterException(parseResult.commandSpec().commandLine(),
            option.longestName() + ": " + file + ": " + problem);
      }
    }
  }

  /** The clock of the command line {@code command} belongs to. */
  static Clock clock(CommandSpec command) {
    return ((UserOpsCommand) command.root().userObject()).clock;
  }

  /** {@code message} on one line of at most {@value #MAX_ERROR_CHARS} characters. */
  static String oneLine(String message) {
    String line = String.valueOf(message).replaceAll("[\\r\\n\\t]+", " ");
    return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
  }

  /** The one-line message for an input problem, or {@code null} if {@code e} is a bug. */
  private static String badInputMessage(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof InputException) {
      return cause.getMessage();
    } else if (cause instanceof ConfigException) {
      // Commands prefix the file where they know it; this keeps any other one from exiting 1.
      return "invalid configuration: " + cause.getMessage();
    } else if (cause instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    } else if (cause instanceof AccessDeniedException denied) {
      return denied.getFile() + ": access denied";
    } else if (cause instanceof FileSystemException fileSystem) {
      // "Is a directory", "Not a directory", ...: the reason without the exception's class.
      return fileSystem.getFile() + ": " + (fileSystem.getReason() == null ? "cannot read" : fileSystem.getReason());
    } else if (cause instanceof IOException) {
      return "cannot read input: " + cause.getMessage();
    } else if (cause instanceof ArithmeticException) {
      // Math.*Exact in a total: each amount fits a long, their sum does not, and nothing is rounded.
      return "a total is out of range of 64-bit minor units (" + cause.getMessage() + "): the input's amounts"
          + " are too large to add up exactly; check the amount column and --fraction-digits";
    }
    return null;
  }

  /** Without a subcommand, says which exist, on one line. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "expected a subcommand: "
        + String.join(", ", spec.subcommands().keySet()));
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
