package dev.userops.examples.cli;

import dev.userops.core.BadRecordPolicy;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --bad-records reject|skip} option of every command that reads records. */
final class BadRecordsOption {
  @Option(names = "--bad-records", paramLabel = "reject|skip", defaultValue = "skip",
      converter = PolicyConverter.class, completionCandidates = PolicyConverter.class,
      description = "reject: stop at the first bad record with its file, line and field; skip: skip it"
          + " and count it by reason (default: ${DEFAULT-VALUE}).")
  private BadRecordPolicy policy;

  BadRecordPolicy policy() {
    return policy;
  }

  /** {@code reject} and {@code skip}, the policy names users type, in any case. */
  static final class PolicyConverter implements ITypeConverter<BadRecordPolicy>, Iterable<String> {
    @Override
    public BadRecordPolicy convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "reject" -> BadRecordPolicy.REJECT;
        case "skip" -> BadRecordPolicy.SKIP_AND_COUNT;
        default -> throw new TypeConversionException("expected reject or skip, got \"" + value + "\"");
      };
    }

    @Override
    public Iterator<String> iterator() {
      return List.of("reject", "skip").iterator();
    }
  }
}
