package dev.userops.retention.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version-1 bytes of each engine (written once by {@link #accumulator}) still read and re-write equal. */
class GoldenFormTest {
  /** The hand-worked data set with u7, in an order where returns come before u4's first start. */
  static RetentionAccumulator accumulator(CohortMode cohortMode, WindowMode window) {
    RetentionSpec spec = RetentionAccumulatorTest.days("2026-03-01", "2026-03-02").intervals(3)
        .cohortMode(cohortMode).window(window).build();
    RetentionAccumulator acc = spec.newAccumulator();
    List<Activity> events = RetentionAccumulatorTest.recurringDataset();
    for (int i = events.size() - 1; i >= 0; i--) {
      acc.add(events.get(i));
    }
    return acc;
  }

  @ParameterizedTest
  @CsvSource({"FIRST_TIME, CALENDAR, first-time", "RECURRING, CALENDAR, recurring", "FIRST_TIME, ROLLING, rolling"})
  void version1BytesStillRead(CohortMode cohortMode, WindowMode window, String name) throws IOException {
    RetentionAccumulator fresh = accumulator(cohortMode, window);
    byte[] golden;
    try (InputStream in = GoldenFormTest.class.getResourceAsStream("/retention/golden/retention-" + name + "-v1.bin")) {
      golden = in.readAllBytes();
    }

    RetentionAccumulator read = fresh.spec().accumulatorFromBytes(golden);

    assertThat(read.result()).isEqualTo(fresh.result());
    assertThat(fresh.toByteArray()).isEqualTo(golden);
  }
}
