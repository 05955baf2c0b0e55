package dev.userops.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads its own files rather than the order input of {@link InputOptions} ({@code
 * membership-sim}, {@code referral-sim}, {@code push-sim}, {@code tags}): the help options, the
 * output options, the {@code --bad-records} policy for its rows and the command's spec that every
 * such command shares. Picocli reads this {@code @Command} and these fields in each subclass.
 */
@Command(mixinStandardHelpOptions = true)
abstract class FilesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin BadRecordsOption badRecords;
}
