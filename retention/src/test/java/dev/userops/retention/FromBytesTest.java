package dev.userops.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.cohort.RetentionAccumulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Accumulator.fromBytes finds every module's families on the class path and fails clearly. */
class FromBytesTest {
  @Test
  void readsFamiliesOfEveryModulePresent() {
    byte[] summary = OrderSummarySpec.of(ZoneOffset.UTC).newAccumulator().add(1, 0, 5, OrderStatus.PAID)
        .toByteArray();
    byte[] active = ActiveUsersSpec.of(ZoneOffset.UTC, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"))
        .newAccumulator().add(1, 1_772_400_000_000L).toByteArray();

    assertThat(Accumulator.fromBytes(summary)).isInstanceOf(OrderSummaryAccumulator.class);
    assertThat(Accumulator.fromBytes(active).toByteArray()).isEqualTo(active);
  }

  @Test
  void badBytesSayWhatIsWrong() {
    byte[] summary = OrderSummarySpec.of(ZoneOffset.UTC).newAccumulator().toByteArray();

    assertThatThrownBy(() -> Accumulator.fromBytes(summary, RetentionAccumulator.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected bytes of a RetentionAccumulator, got a OrderSummaryAccumulator");
    assertThatThrownBy(() -> Accumulator.fromBytes(BinaryForm.writer("ZZZZ", 1).toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no reader for accumulator family ZZZZ (known: [")
        .hasMessageContaining("ACTU")
        .hasMessageContaining("OSUM");
    assertThatThrownBy(() -> Accumulator.fromBytes(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer than a header");
  }
}
