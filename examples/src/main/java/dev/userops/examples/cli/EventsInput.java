package dev.userops.examples.cli;

import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.examples.input.EventCsvReader;
import dev.userops.examples.input.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --events} option of the commands that read activity ({@code retention}, {@code
 * active}), and the one place that reads either that events CSV or the order input of {@link
 * InputOptions} as events.
 */
final class EventsInput {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events CSV with header " + EventCsvReader.HEADER + ", instead of --orders or"
          + " --cdnow.")
  private Path file;

  /** Whether {@code --events} was given. */
  boolean given() {
    return file != null;
  }

  /**
   * Reads the events CSV, or else the order input of {@code input} (valid orders only, as event
   * {@link #ORDER_EVENT}), screening events before 1970 or after {@code asOf} ({@code null}: no
   * bound).
   */
  Events read(InputOptions input, ZoneId zone, Instant asOf) throws IOException {
    if (file != null && (command.commandLine().getParseResult().hasMatchedOption("--orders")
        || command.commandLine().getParseResult().hasMatchedOption("--cdnow"))) {
      throw new ParameterException(command.commandLine(), "--events cannot be combined with --orders or --cdnow");
    }
    if (file != null) {
      return Events.readCsv(file.toString(), Files.newInputStream(file), zone, input.badRecords(), asOf);
    }
    // Orders go through the one screen every subcommand shares: valid orders only.
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), asOf);
    InputOptions.ReadResult read = input.read(valid::addOrder);
    return Events.ofValidOrders(input.source(), read.records(), valid, read.diagnostics());
  }
}
